/**
 * VyOS 1.4 (sagitta) and later configuration as `set` commands.
 *
 * Syntax follows the VyOS 1.4.0 interface definitions (vyos-1x
 * `interface-definitions/firewall.xml.in` and `include/firewall/*.xml.i`,
 * unchanged in 1.5 and rolling) and the sagitta firewall documentation
 * (https://docs.vyos.io/en/sagitta/configuration/firewall/index.html):
 * rulesets under `firewall ipv4 name` / `firewall ipv6 name`, `protocol tcp_udp`
 * for both, `destination port 30000-35000` or `80,443`.
 *
 * Named hosts become domain groups (`firewall group domain-group`): VyOS 1.4
 * resolves their names itself, for IPv4 and IPv6 alike, and refreshes them every
 * `firewall global-options resolver-interval` seconds (300 by default). One group
 * then serves both trees as `destination group domain-group NAME`, so the admin
 * replaces no placeholder addresses, unlike on EdgeOS (see `edgeos.ts`).
 *
 * The rulesets end in `default-action return`: bound with a `jump` from a base
 * chain, whatever they do not accept goes back to the admin's own rules.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { peerAddresses, skippedIn, type Peer } from './plan';
import { shellQuote } from './text';
import { acceptRuleCommands } from './vyatta';

const RULESETS = { outbound: 'PASCOM_OUT', inbound: 'PASCOM_IN' } as const;

function addressMatch(peer: Peer, family: 4 | 6, side: 'source' | 'destination'): string[] | null {
  if (peer.kind === 'set') return [`${side} group domain-group ${peer.set.name}`];
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
    lines.push(`set firewall group domain-group ${set.name} description ${shellQuote(set.label)}`);
    for (const host of set.hosts) lines.push(`set firewall group domain-group ${set.name} address ${host}`);
  }
  for (const family of [4, 6] as const) {
    for (const direction of directions) {
      const ruleset = `set firewall ipv${family} name ${RULESETS[direction]}`;
      let number = 0;
      for (const rule of plan.rules.filter((known) => known.direction === direction)) {
        const source = addressMatch(rule.source, family, 'source');
        const destination = addressMatch(rule.destination, family, 'destination');
        if (source === null || destination === null) {
          lines.push(`# ${skippedIn(rule, family)}`);
          continue;
        }
        if (number === 0) {
          lines.push(
            `${ruleset} description ${shellQuote(plan.texts.vyosRulesetDescription(direction, family))}`,
            `${ruleset} default-action return`,
          );
        }
        number += 10;
        const base = `${ruleset} rule ${number}`;
        lines.push(...acceptRuleCommands(base, rule, [...source, ...destination]));
      }
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The VyOS 1.4 commands for the selected rules. */
export const render = snippetRenderer('vyos', spell);
