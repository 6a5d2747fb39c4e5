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
import { familyAddresses, perProtocol, skippedIn } from './plan';
import { shellQuote } from './text';
import { formatPortRange } from '../ports';

const spell: SpellSnippet = (plan, context) => {
  const lines = ['#!/bin/sh', ...commentedHeader(plan, context), 'set -e'];
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
      for (const single of perProtocol(rule)) {
        for (const source of sources ?? ['any']) {
          for (const destination of destinations ?? ['any']) {
            const direction = rule.direction === 'outbound' ? 'out' : 'in';
            const command = `ufw allow ${direction} proto ${single.protocol} from ${source} to ${destination} port ${ports} comment ${shellQuote(rule.comment)}`;
            (family === 6 ? ipv6Lines : lines).push(command);
          }
        }
      }
    }
  }
  if (ipv6Lines.length > 0) {
    lines.push(
      `# ${plan.texts.ufwIpv6Condition}`,
      "if grep -qi '^IPV6=yes' /etc/default/ufw 2>/dev/null; then",
      ...ipv6Lines.map((line) => `  ${line}`),
      'else',
      `  echo ${shellQuote(plan.texts.ufwIpv6Skipped)} >&2`,
      'fi',
    );
  }
  lines.push('');
  return lines.join('\n');
};

/** The ufw script for the selected rules. */
export const render = snippetRenderer('ufw', spell);
