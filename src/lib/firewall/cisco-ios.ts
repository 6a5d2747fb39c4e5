/**
 * Cisco IOS / IOS-XE extended access lists (IPv4 and IPv6).
 *
 * Syntax follows the IOS XE Security Configuration Guide, Access Control Lists
 * (https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/sec_data_acl/configuration/xe-16/sec-data-acl-xe-16-book.html):
 * `permit udp any host 192.0.2.10 range 30000 35000`, `eq` for one port, one
 * protocol per entry, wildcard masks for IPv4 networks, `remark` lines. ACLs
 * match addresses, not hostnames, so named hosts use placeholder addresses.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { ipv4Wildcard, peerAddresses, perProtocol, skippedIn, type Peer, type PlannedRule } from './plan';
import { safeText } from './text';

function addressText(address: string, family: 4 | 6): string {
  const [base = '', prefix] = address.split('/');
  if (prefix === undefined) return `host ${base}`;
  return family === 4 ? `${base} ${ipv4Wildcard(Number(prefix))}` : address;
}

function addresses(peer: Peer, family: 4 | 6): string[] | null {
  const list = peerAddresses(peer, family);
  if (list === undefined) return ['any'];
  if (list.length === 0) return null;
  return list.map((address) => addressText(address, family));
}

function entries(rule: PlannedRule, family: 4 | 6): string[] | null {
  const sources = addresses(rule.source, family);
  const destinations = addresses(rule.destination, family);
  if (sources === null || destinations === null) return null;
  const result: string[] = [];
  for (const single of perProtocol(rule)) {
    for (const { from, to } of rule.ports) {
      const port = from === to ? `eq ${from}` : `range ${from} ${to}`;
      for (const source of sources) {
        for (const destination of destinations)
          result.push(` permit ${single.protocol} ${source} ${destination} ${port}`);
      }
    }
  }
  return result;
}

const spell: SpellSnippet = (plan, context) => {
  const lines = commentedHeader(plan, context);
  for (const family of [4, 6] as const) {
    for (const direction of ['outbound', 'inbound'] as const) {
      const rules = plan.rules.filter((rule) => rule.direction === direction);
      if (rules.length === 0) continue;
      const name = `PASCOM-${direction === 'outbound' ? 'OUT' : 'IN'}${family === 6 ? '-V6' : ''}`;
      lines.push(family === 4 ? `ip access-list extended ${name}` : `ipv6 access-list ${name}`);
      for (const rule of rules) {
        const body = entries(rule, family);
        if (body === null) {
          lines.push(`! ${skippedIn(rule, family)}`);
          continue;
        }
        lines.push(` remark ${safeText(rule.comment, 100)}`, ...body);
      }
      lines.push(' exit');
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The IOS access lists for the selected rules. */
export const render = snippetRenderer('cisco-ios', spell);
