/**
 * pf.conf rules for OpenBSD and FreeBSD, meant for an anchor of their own.
 *
 * Syntax follows pf.conf(5) (https://man.openbsd.org/pf.conf): tables for
 * address lists, `port 30000:35000` for an inclusive range, `port { 80 443 }`
 * for a list, `proto { tcp udp }`, `label` to name a rule. Loading the file into
 * the anchor "pascom" leaves the main ruleset untouched. pf would resolve a
 * hostname in a table once, at load time, so the tables hold addresses.
 */
import type { SnippetInput } from './plan';
import {
  formatRange,
  headerLines,
  peerAddresses,
  placeholderNotes,
  planSnippet,
  skippedReason,
  type Peer,
} from './plan';
import type { SnippetSettings } from './settings';
import { commentBlock, doubleQuote } from './text';

function peerText(peer: Peer, family: 4 | 6): string | null {
  if (peer.kind === 'set') return `<${peer.set.name}>`;
  const addresses = peerAddresses(peer, family);
  if (addresses === undefined) return 'any';
  if (addresses.length === 0) return null;
  return addresses.join(' ');
}

/** The pf anchor file for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const lines = commentBlock(
    [
      ...headerLines(plan, 'pf', settings),
      '',
      'Load into an anchor of its own, which leaves the rest of your ruleset untouched:',
      '  1. In /etc/pf.conf, before your block rules: anchor "pascom"',
      '  2. pfctl -a pascom -f this-file      (check first with pfctl -n -a pascom -f this-file)',
      'The rules use "quick", so a later block rule in your ruleset does not override them.',
      '',
      ...placeholderNotes(
        plan,
        'pf resolves a hostname only once, when the rules load, so the tables hold addresses.',
      ),
    ],
    '#',
  );
  for (const set of plan.sets) {
    lines.push(`table <${set.name}> { ${[...set.v4, ...set.v6].join(' ')} }  # ${set.hosts.join(', ')}`);
  }
  for (const rule of plan.rules) {
    const ports = rule.ports.map((range) => formatRange(range, ':'));
    const port = ports.length === 1 ? ports[0]! : `{ ${ports.join(' ')} }`;
    const proto = rule.protocols.length === 1 ? rule.protocols[0]! : `{ ${rule.protocols.join(' ')} }`;
    const direction = rule.direction === 'inbound' ? 'in ' : '';
    for (const family of [4, 6] as const) {
      const from = peerText(rule.source, family);
      const to = peerText(rule.destination, family);
      if (from === null || to === null) {
        lines.push(`# ${skippedReason(rule, family)}`);
        continue;
      }
      lines.push(
        `pass ${direction}quick inet${family === 6 ? '6' : ''} proto ${proto} from ${from} to ${to} port ${port} keep state label ${doubleQuote(rule.comment)}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
