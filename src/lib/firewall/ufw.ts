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
import type { SnippetInput } from './plan';
import {
  formatRange,
  headerLines,
  peerAddresses,
  perProtocol,
  placeholderNotes,
  planSnippet,
  skippedReason,
} from './plan';
import type { SnippetSettings } from './settings';
import { commentBlock, shellQuote } from './text';

/** The ufw script for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const lines = [
    '#!/bin/sh',
    ...commentBlock(
      [
        ...headerLines(plan, 'ufw', settings),
        '',
        'Run as root: sh this-file    Preview first: replace "ufw" with "ufw --dry-run".',
        'The rules are for the machine ufw runs on: "out" for connections it opens, "in" for connections to it.',
        'On a ufw router, write "ufw route allow" instead of "ufw allow out" / "ufw allow in".',
        'ufw adds each rule once; running the script again skips rules that exist.',
        '',
        ...placeholderNotes(plan, 'ufw takes addresses, not hostnames.'),
      ],
      '#',
    ),
    'set -e',
  ];
  for (const rule of plan.rules) {
    for (const family of [4, 6] as const) {
      const sources = peerAddresses(rule.source, family);
      const destinations = peerAddresses(rule.destination, family);
      if (sources?.length === 0 || destinations?.length === 0) {
        lines.push(`# ${skippedReason(rule, family)}`);
        continue;
      }
      // With "any" on both sides ufw writes one rule for both families, so IPv6 adds nothing.
      if (sources === undefined && destinations === undefined && family === 6) continue;
      const ports = rule.ports.map((range) => formatRange(range, ':')).join(',');
      for (const single of perProtocol(rule)) {
        for (const source of sources ?? ['any']) {
          for (const destination of destinations ?? ['any']) {
            const direction = rule.direction === 'outbound' ? 'out' : 'in';
            lines.push(
              `ufw allow ${direction} proto ${single.protocol} from ${source} to ${destination} port ${ports} comment ${shellQuote(rule.comment)}`,
            );
          }
        }
      }
    }
  }
  lines.push('');
  return lines.join('\n');
}
