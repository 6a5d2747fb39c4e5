/**
 * iptables-restore / ip6tables-restore input, one file per IP family.
 *
 * Syntax follows the iptables(8), iptables-extensions(8) and iptables-restore(8)
 * manual pages (https://ipset.netfilter.org/iptables.man.html,
 * https://ipset.netfilter.org/iptables-extensions.man.html): port ranges with a
 * colon (`--dport 30000:35000`), lists through `-m multiport --dports 80,443`,
 * one protocol per rule, `-m comment --comment` for the rule's name.
 *
 * The rules live in a chain of their own, `pascom`, which the file declares and
 * hooks into the built-in chains with `-I`. Loaded with `--noflush`, nothing
 * else in the admin's ruleset changes. iptables resolves hostnames only once, when
 * a rule is added, so the rules carry addresses from named placeholder sets.
 */
import { commentedHeader, snippetRenderer, type PlatformContext } from './frame';
import {
  familyAddresses,
  perProtocol,
  SERVER_VARIABLES,
  skippedIn,
  unfilledReference,
  type Peer,
  type PlannedRule,
  type SnippetPlan,
} from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

/** Name of the chain that holds every pascom rule. */
export const CHAIN = 'pascom';

function portMatch(rule: PlannedRule, protocol: string): string {
  if (rule.ports.length === 1) return `-m ${protocol} --dport ${formatPortRange(rule.ports[0]!, ':')}`;
  return `-m multiport --dports ${rule.ports.map((range) => formatPortRange(range, ':')).join(',')}`;
}

function hostPrefix(family: 4 | 6, address: string): string {
  return address.includes('/') ? address : `${address}/${family === 4 ? 32 : 128}`;
}

/**
 * The destinations of a rule as written: the addresses given, or, for those this
 * page cannot know (behind a name, the server's while it is not given), a name
 * under `.invalid` that iptables-restore cannot resolve, so it refuses the file
 * and names the value ("host/network `PASCOM_SERVER_V4.invalid.' not found").
 */
function destinationsOf(peer: Peer, family: 4 | 6, addresses: string[] | undefined): (string | undefined)[] {
  const key = family === 4 ? 'v4' : 'v6';
  if (peer.kind === 'set') return [unfilledReference('restore', peer.set.variables[key])];
  if (peer.kind === 'server' && peer.placeholder)
    return [unfilledReference('restore', SERVER_VARIABLES[key])];
  return (addresses ?? [undefined]).map((address) => address && hostPrefix(family, address));
}

function spell(plan: SnippetPlan, context: PlatformContext, family: 4 | 6): string {
  const lines = commentedHeader(plan, context);
  lines.push('*filter', `:${CHAIN} - [0:0]`);
  for (const rule of plan.rules) {
    const addresses = familyAddresses(rule, family);
    if (addresses === undefined) {
      lines.push(`# ${skippedIn(rule, family)}`);
      continue;
    }
    const { source: sources, destination: destinations } = addresses;
    for (const single of perProtocol(rule)) {
      for (const source of sources ?? [undefined]) {
        for (const destination of destinationsOf(rule.destination, family, destinations)) {
          const parts = ['-A', CHAIN];
          if (source !== undefined) parts.push('-s', hostPrefix(family, source));
          if (destination !== undefined) parts.push('-d', destination);
          parts.push('-p', single.protocol, portMatch(single, single.protocol));
          parts.push(
            '-m comment --comment',
            doubleQuote(`${rule.comment} (${plan.texts.direction[rule.direction]})`),
            '-j ACCEPT',
          );
          lines.push(parts.join(' '));
        }
      }
    }
  }
  const hooks = new Set<string>();
  if (plan.hasOutbound) ['FORWARD', 'OUTPUT'].forEach((chain) => hooks.add(chain));
  if (plan.hasInbound) ['FORWARD', 'INPUT'].forEach((chain) => hooks.add(chain));
  for (const chain of hooks) lines.push(`-I ${chain} -j ${CHAIN}`);
  lines.push('COMMIT', '');
  return lines.join('\n');
}

/** IPv4 rules for iptables-restore. */
export const renderIpv4 = snippetRenderer('iptables', (plan, context) => spell(plan, context, 4));

/** IPv6 rules for ip6tables-restore. */
export const renderIpv6 = snippetRenderer('ip6tables', (plan, context) => spell(plan, context, 6));
