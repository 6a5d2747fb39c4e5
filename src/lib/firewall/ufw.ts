/**
 * ufw commands, as a POSIX shell script.
 *
 * Syntax follows ufw(8) (https://manpages.ubuntu.com/manpages/noble/man8/ufw.8.html):
 * `ufw allow out|in proto tcp from X to Y port 30000:35000 comment '…'`; ranges
 * take a colon and need `proto`, so a port open for TCP and UDP becomes two
 * rules; a list of ports is comma separated. `ufw allow` adds rules and never
 * changes the default policy. ufw rules take addresses, not hostnames, so rules
 * to named hosts use placeholder addresses the admin replaces.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import {
  familyAddresses,
  perProtocol,
  SERVER_VARIABLES,
  shellRequiredValues,
  skippedIn,
  type Peer,
} from './plan';
import { shellQuote } from './text';
import { formatPortRange } from '../ports';

/**
 * The destinations of a rule as the script writes them: the addresses given,
 * or a shell variable for what this page cannot know. A named host's variable
 * may hold several addresses, so the rule runs once per address in a loop; the
 * server's holds one.
 */
function destinationsOf(
  peer: Peer,
  family: 4 | 6,
  addresses: string[] | undefined,
): { to: string[]; loop?: string } {
  const key = family === 4 ? 'v4' : 'v6';
  if (peer.kind === 'set') return { to: ['"$address"'], loop: peer.set.variables[key] };
  if (peer.kind === 'server' && peer.placeholder) return { to: [`"$${SERVER_VARIABLES[key]}"`] };
  return { to: addresses ?? ['any'] };
}

const spell: SpellSnippet = (plan, context) => {
  const lines = ['#!/bin/sh', ...commentedHeader(plan, context), 'set -e', ...shellRequiredValues(plan)];
  const ipv6Lines: string[] = [];
  for (const rule of plan.rules) {
    for (const family of [4, 6] as const) {
      const addresses = familyAddresses(rule, family);
      if (addresses === undefined) {
        lines.push(`# ${skippedIn(rule, family)}`);
        continue;
      }
      const { source: sources, destination: destinations } = addresses;
      // With "any" on both sides ufw writes one rule for both families, so IPv6 adds nothing.
      if (sources === undefined && destinations === undefined && family === 6) continue;
      const ports = rule.ports.map((range) => formatPortRange(range, ':')).join(',');
      const target = destinationsOf(rule.destination, family, destinations);
      const commands: string[] = [];
      for (const single of perProtocol(rule)) {
        for (const source of sources ?? ['any']) {
          for (const destination of target.to) {
            const direction = rule.direction === 'outbound' ? 'out' : 'in';
            commands.push(
              `ufw allow ${direction} proto ${single.protocol} from ${source} to ${destination} port ${ports} comment ${shellQuote(rule.comment)}`,
            );
          }
        }
      }
      const block =
        target.loop === undefined
          ? commands
          : [`for address in $${target.loop}; do`, ...commands.map((line) => `  ${line}`), 'done'];
      (family === 6 ? ipv6Lines : lines).push(...block);
    }
  }
  if (ipv6Lines.length > 0) {
    lines.push(
      `# ${plan.texts.ufwIpv6Condition}`,
      // ufw reads IPV6=yes with or without quotes, as a shell assignment would.
      `if grep -Eqi '^IPV6=["'"'"']?yes' /etc/default/ufw 2>/dev/null; then`,
      ...ipv6Lines.map((line) => `  ${line}`),
      'else',
      `  echo ${shellQuote(plan.texts.ufwIpv6Skipped)} >&2`,
      'fi',
    );
  }
  lines.push('');
  return lines.join('\n');
};

export const render = snippetRenderer('ufw', spell);
