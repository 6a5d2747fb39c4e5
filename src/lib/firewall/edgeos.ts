/**
 * Ubiquiti EdgeOS and VyOS (1.2/1.3 syntax) configuration as `set` commands.
 *
 * Syntax follows the VyOS 1.3 firewall documentation
 * (https://docs.vyos.io/en/equuleus/configuration/firewall/index.html), which
 * EdgeOS shares: rulesets under `firewall name` / `firewall ipv6-name`,
 * `destination port 30000-35000` or `80,443`, `protocol tcp_udp` for both, and
 * address groups. Rules take addresses, not hostnames, so named hosts become
 * address groups of placeholder addresses.
 */
import type { SnippetInput } from './plan';
import {
  formatRange,
  headerLines,
  interfaceNames,
  peerAddresses,
  placeholderNotes,
  planSnippet,
  skippedReason,
  type Peer,
} from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock, shellQuote } from './text';

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

/** The EdgeOS / VyOS commands for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('vyos'));
  const lines = commentBlock(
    [
      ...headerLines(plan, 'EdgeOS / VyOS 1.3', settings),
      '',
      'Paste in configuration mode ("configure"), then "commit" and "save". VyOS 1.4 and later use a new syntax.',
      'The rules go into the rulesets PASCOM_OUT / PASCOM_IN (and -6 for IPv6), which are not bound to any interface.',
      'A ruleset drops what it does not accept, so do not bind them alone: copy the rules into the ruleset already',
      `bound to ${names.inside} (outbound) or ${names.outside} (inbound), renumbering if the numbers are taken.`,
      '',
      ...placeholderNotes(plan, 'EdgeOS and VyOS 1.3 firewall rules match addresses, not hostnames.'),
    ],
    '#',
  );
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
    for (const direction of ['outbound', 'inbound'] as const) {
      const rules = plan.rules.filter((rule) => rule.direction === direction);
      if (rules.length === 0) continue;
      const ruleset = `${family === 4 ? 'name' : 'ipv6-name'} PASCOM_${direction === 'outbound' ? 'OUT' : 'IN'}${family === 6 ? '-6' : ''}`;
      let number = 0;
      for (const rule of rules) {
        const source = addressMatch(rule.source, family, 'source');
        const destination = addressMatch(rule.destination, family, 'destination');
        if (source === null || destination === null) {
          lines.push(`# ${skippedReason(rule, family)}`);
          continue;
        }
        number += 10;
        const base = `set firewall ${ruleset} rule ${number}`;
        lines.push(
          `${base} action accept`,
          `${base} description ${shellQuote(rule.comment)}`,
          `${base} protocol ${rule.protocols.length === 2 ? 'tcp_udp' : rule.protocols[0]}`,
          ...source.map((part) => `${base} ${part}`),
          ...destination.map((part) => `${base} ${part}`),
          `${base} destination port ${rule.ports.map((range) => formatRange(range, '-')).join(',')}`,
        );
      }
    }
  }
  lines.push('');
  return lines.join('\n');
}
