/**
 * Ubiquiti EdgeOS (EdgeRouter) configuration as `set` commands.
 *
 * EdgeOS keeps the Vyatta firewall tree (vyatta-cfg-firewall templates, shared
 * with VyOS 1.3 and older): rulesets under `firewall name` / `firewall ipv6-name`,
 * `protocol tcp_udp` for both, `destination port 30000-35000` or `80,443`, rule
 * numbers 1-9999. Its IPv6 groups are Ubiquiti's own: `firewall group
 * ipv6-address-group NAME ipv6-address X`, matched in `ipv6-name` rules as
 * `destination group ipv6-address-group NAME` (VyOS 1.3 spells both `address`
 * and `address-group`, which EdgeOS rejects). EdgeOS rules match addresses, not
 * hostnames, so named hosts become address groups of placeholder addresses.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { peerAddresses, skippedIn, type Peer } from './plan';
import { shellQuote } from './text';
import { acceptRuleCommands } from './vyatta';

function rulesetName(direction: 'outbound' | 'inbound', family: 4 | 6): string {
  return `PASCOM_${direction === 'outbound' ? 'OUT' : 'IN'}${family === 6 ? '-6' : ''}`;
}

function addressMatch(peer: Peer, family: 4 | 6, side: 'source' | 'destination'): string[] | null {
  if (peer.kind === 'set')
    return [
      `${side} group ${family === 4 ? 'address-group' : 'ipv6-address-group'} ${peer.set.name}_v${family}`,
    ];
  const list = peerAddresses(peer, family);
  if (list === undefined) return [];
  if (list.length === 0) return null;
  return [`${side} address ${list[0]}`];
}

const spell: SpellSnippet = (plan, context) => {
  const directions = (['outbound', 'inbound'] as const).filter((direction) =>
    plan.rules.some((rule) => rule.direction === direction),
  );
  const lines = commentedHeader(plan, context);
  for (const set of plan.sets) {
    lines.push(
      `set firewall group address-group ${set.name}_v4 description ${shellQuote(set.hosts.join(' '))}`,
    );
    for (const address of set.v4)
      lines.push(`set firewall group address-group ${set.name}_v4 address ${address}`);
    lines.push(
      `set firewall group ipv6-address-group ${set.name}_v6 description ${shellQuote(set.hosts.join(' '))}`,
    );
    for (const address of set.v6)
      lines.push(`set firewall group ipv6-address-group ${set.name}_v6 ipv6-address ${address}`);
  }
  for (const family of [4, 6] as const) {
    for (const direction of directions) {
      const ruleset = `${family === 4 ? 'name' : 'ipv6-name'} ${rulesetName(direction, family)}`;
      let number = 0;
      for (const rule of plan.rules.filter((known) => known.direction === direction)) {
        const source = addressMatch(rule.source, family, 'source');
        const destination = addressMatch(rule.destination, family, 'destination');
        if (source === null || destination === null) {
          lines.push(`# ${skippedIn(rule, family)}`);
          continue;
        }
        number += 10;
        const base = `set firewall ${ruleset} rule ${number}`;
        lines.push(...acceptRuleCommands(base, rule, [...source, ...destination]));
      }
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The EdgeOS commands for the selected rules. */
export const render = snippetRenderer('edgeos', spell);
