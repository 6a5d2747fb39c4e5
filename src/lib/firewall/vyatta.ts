import { type PlannedRule } from './plan';
import { shellQuote } from './text';
import { formatPortRange } from '../ports';

/**
 * The commands of one accept rule as EdgeOS and VyOS 1.4 both write them under a
 * ruleset path (`set firewall name X rule 10` on EdgeOS, `set firewall ipv4 name X
 * rule 10` on VyOS): the Vyatta syntax the two still share below the ruleset.
 * `matches` are the platform's own source and destination address matches.
 */
export function acceptRuleCommands(base: string, rule: PlannedRule, matches: readonly string[]): string[] {
  return [
    `${base} action accept`,
    `${base} description ${shellQuote(rule.comment)}`,
    `${base} protocol ${rule.protocols.length === 2 ? 'tcp_udp' : rule.protocols[0]}`,
    ...matches.map((match) => `${base} ${match}`),
    `${base} destination port ${rule.ports.map((range) => formatPortRange(range, '-')).join(',')}`,
  ];
}
