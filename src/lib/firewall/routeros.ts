/**
 * MikroTik RouterOS v7 script (`/import` or paste into the terminal).
 *
 * Syntax follows the RouterOS manual, IP > Firewall > Filter and Address-lists
 * (https://help.mikrotik.com/docs/spaces/ROS/pages/48660574/Filter): one
 * `protocol` per rule, `dst-port=30000-35000` or `dst-port=80,443`, and
 * address-list entries that may be DNS names, which RouterOS resolves and keeps
 * up to date itself. IPv6 has its own menus (/ipv6 firewall).
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { peerAddresses, perProtocol, ruleZones, skippedIn, type Peer } from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

function match(peer: Peer, family: 4 | 6, side: 'src' | 'dst'): string | null | undefined {
  if (peer.kind === 'set') return `${side}-address-list=${peer.set.name}`;
  const addresses = peerAddresses(peer, family);
  if (addresses === undefined) return undefined;
  if (addresses.length === 0) return null;
  return `${side}-address=${addresses[0]}`;
}

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = commentedHeader(plan, context);
  for (const family of [4, 6] as const) {
    const menu = family === 4 ? '/ip firewall' : '/ipv6 firewall';
    if (plan.sets.length > 0) {
      lines.push(`${menu} address-list`);
      for (const set of plan.sets) {
        for (const host of set.hosts)
          lines.push(`add list=${set.name} address=${host} comment=${doubleQuote(set.label)}`);
      }
    }
    lines.push(`${menu} filter`);
    for (const rule of plan.rules) {
      const source = match(rule.source, family, 'src');
      const destination = match(rule.destination, family, 'dst');
      if (source === null || destination === null) {
        lines.push(`# ${skippedIn(rule, family)}`);
        continue;
      }
      const zone = ruleZones(rule, names);
      const ports = rule.ports.map((range) => formatPortRange(range, '-')).join(',');
      for (const single of perProtocol(rule)) {
        const parts = [
          'add chain=forward action=accept',
          `protocol=${single.protocol}`,
          source,
          destination,
          `dst-port=${ports}`,
        ];
        if (rule.direction === 'inbound') parts.push(`in-interface=${zone.from}`);
        parts.push(`comment=${doubleQuote(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}`);
        lines.push(parts.filter((part) => part !== undefined).join(' '));
      }
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The RouterOS script for the selected rules. */
export const render = snippetRenderer('routeros', spell);
