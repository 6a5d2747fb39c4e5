/**
 * pf.conf rules for OpenBSD and FreeBSD, meant for an anchor of their own.
 *
 * Syntax follows pf.conf(5) (https://man.openbsd.org/pf.conf): tables for
 * address lists, `port 30000:35000` for an inclusive range, `port { 80 443 }`
 * for a list, `proto { tcp udp }`, `label` to name a rule. Loading the file into
 * the anchor "pascom" leaves the main ruleset untouched. pf would resolve a
 * hostname in a table once, at load time, so the tables hold addresses.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { peerAddresses, skippedIn, type Peer } from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

/** pfctl keeps a label in PF_RULE_LABEL_SIZE (64) bytes with the final NUL: at most 63 characters. */
const LABEL_MAX = 63;

/** "pascom <ids>", cut to fit a pf label; the ids name the rules, the comment above gives the titles. */
function label(ids: readonly string[]): string {
  const text = `pascom ${ids.join('+')}`;
  return text.length <= LABEL_MAX ? text : text.slice(0, LABEL_MAX).trimEnd();
}

function peerText(peer: Peer, family: 4 | 6): string | null {
  if (peer.kind === 'set') return `<${peer.set.name}>`;
  const addresses = peerAddresses(peer, family);
  if (addresses === undefined) return 'any';
  if (addresses.length === 0) return null;
  return addresses.join(' ');
}

const spell: SpellSnippet = (plan, context) => {
  const lines = commentedHeader(plan, context);
  for (const set of plan.sets) {
    lines.push(`table <${set.name}> { ${[...set.v4, ...set.v6].join(' ')} }  # ${set.hosts.join(', ')}`);
  }
  for (const rule of plan.rules) {
    const ports = rule.ports.map((range) => formatPortRange(range, ':'));
    const port = ports.length === 1 ? ports[0]! : `{ ${ports.join(' ')} }`;
    const proto = rule.protocols.length === 1 ? rule.protocols[0]! : `{ ${rule.protocols.join(' ')} }`;
    const direction = rule.direction === 'inbound' ? 'in ' : '';
    lines.push(`# ${rule.comment} (${plan.texts.direction[rule.direction]})`);
    for (const family of [4, 6] as const) {
      const from = peerText(rule.source, family);
      const to = peerText(rule.destination, family);
      if (from === null || to === null) {
        lines.push(`# ${skippedIn(rule, family)}`);
        continue;
      }
      lines.push(
        `pass ${direction}quick inet${family === 6 ? '6' : ''} proto ${proto} from ${from} to ${to} port ${port} keep state label ${doubleQuote(label(rule.ids))}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The pf anchor file for the selected rules. */
export const render = snippetRenderer('pf', spell);
