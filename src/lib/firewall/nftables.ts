/**
 * nftables script for `nft -f`.
 *
 * Syntax follows nft(8) (https://www.netfilter.org/projects/nftables/manpage.html)
 * and the nftables wiki quick reference: ranges with a dash (`30000-35000`),
 * anonymous sets for lists (`{ 80, 443 }`), `meta l4proto { tcp, udp } th dport`
 * for a port open on both protocols, named sets for addresses, `comment "…"`.
 *
 * The rules go into a chain of their own, `pascom`, inside the admin's
 * `inet filter` table (Debian's default). A separate table would not work:
 * nftables evaluates every table, and a packet one table accepts is still
 * dropped by a drop policy in another. `add` commands leave existing tables,
 * chains and policies as they are; only the `pascom` chain and the pascom sets
 * are flushed, so loading the file again is safe. nft resolves a hostname once,
 * when the file loads, so the sets hold addresses the admin keeps up to date.
 * Addresses this page cannot know (those behind the names, the server's while it
 * is not given) are nft variables (`$PASCOM_MYPASCOM_V4`) that the file never
 * defines: nft refuses it ("unknown identifier") until the admin defines them,
 * so an unfinished file never loads rules that allow nothing useful.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import {
  peerAddresses,
  SERVER_VARIABLES,
  skippedIn,
  unfilledReference,
  type AddressSet,
  type Peer,
  type PlannedRule,
} from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

const TABLE = 'inet filter';
/** nft refuses a longer comment ("comment too long"): NFTNL_UDATA_COMMENT_MAXLEN in libnftnl. */
export const NFT_COMMENT_MAX = 128;

/** A rule's comment with its direction, cut so that it fits nft's limit; the direction always stays. */
function nftComment(comment: string, direction: string): string {
  const suffix = ` (${direction})`;
  return `${comment.slice(0, NFT_COMMENT_MAX - suffix.length).trimEnd()}${suffix}`;
}
const CHAIN = 'pascom';

function setRef(set: AddressSet, family: 4 | 6): string {
  return `${set.name}_v${family}`;
}

function addressMatch(peer: Peer, family: 4 | 6, field: 'saddr' | 'daddr'): string | null | undefined {
  const keyword = family === 4 ? 'ip' : 'ip6';
  if (peer.kind === 'set') return `${keyword} ${field} @${setRef(peer.set, family)}`;
  if (peer.kind === 'server' && peer.placeholder) {
    return `${keyword} ${field} ${unfilledReference('nft', SERVER_VARIABLES[family === 4 ? 'v4' : 'v6'])}`;
  }
  const addresses = peerAddresses(peer, family);
  if (addresses === undefined) return undefined;
  if (addresses.length === 0) return null;
  return `${keyword} ${field} ${addresses.length === 1 ? addresses[0] : `{ ${addresses.join(', ')} }`}`;
}

function portMatch(rule: PlannedRule): string {
  const ports = rule.ports.map((range) => formatPortRange(range, '-'));
  const value = ports.length === 1 ? ports[0]! : `{ ${ports.join(', ')} }`;
  if (rule.protocols.length === 1) return `${rule.protocols[0]} dport ${value}`;
  return `meta l4proto { ${rule.protocols.join(', ')} } th dport ${value}`;
}

const spell: SpellSnippet = (plan, context) => {
  const lines = commentedHeader(plan, context);
  lines.push(`add table ${TABLE}`, `add chain ${TABLE} ${CHAIN}`, `flush chain ${TABLE} ${CHAIN}`);
  for (const set of plan.sets) {
    for (const family of [4, 6] as const) {
      const name = setRef(set, family);
      lines.push(
        `# ${name}: ${set.label} (${set.hosts.join(', ')}), IPv${family}`,
        `add set ${TABLE} ${name} { type ${family === 4 ? 'ipv4_addr' : 'ipv6_addr'}; flags interval; }`,
        `flush set ${TABLE} ${name}`,
        `add element ${TABLE} ${name} { ${unfilledReference('nft', set.variables[family === 4 ? 'v4' : 'v6'])} }`,
      );
    }
  }
  for (const rule of plan.rules) {
    for (const family of [4, 6] as const) {
      const source = addressMatch(rule.source, family, 'saddr');
      const destination = addressMatch(rule.destination, family, 'daddr');
      const skipped = skippedIn(rule, family);
      if (skipped !== undefined || source === null || destination === null) {
        lines.push(`# ${skipped}`);
        continue;
      }
      // A rule with no address match at all would match both families; "meta nfproto" keeps it to one.
      const familyMatch =
        source === undefined && destination === undefined ? `meta nfproto ipv${family}` : undefined;
      const parts = [
        familyMatch,
        source,
        destination,
        portMatch(rule),
        'accept',
        'comment',
        doubleQuote(nftComment(rule.comment, plan.texts.direction[rule.direction])),
      ];
      lines.push(`add rule ${TABLE} ${CHAIN} ${parts.filter((part) => part !== undefined).join(' ')}`);
    }
  }
  const hooks: [string, string][] = [];
  if (plan.hasOutbound) hooks.push(['forward', 'forward'], ['output', 'output']);
  if (plan.hasInbound) hooks.push(['forward', 'forward'], ['input', 'input']);
  const seen = new Set<string>();
  for (const [chain, hook] of hooks) {
    if (seen.has(chain)) continue;
    seen.add(chain);
    lines.push(
      `add chain ${TABLE} ${chain} { type filter hook ${hook} priority filter; }`,
      `insert rule ${TABLE} ${chain} jump ${CHAIN}`,
    );
  }
  lines.push('');
  return lines.join('\n');
};

/** The nftables script for the selected rules. */
export const render = snippetRenderer('nftables', spell);
