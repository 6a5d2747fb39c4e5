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
import type { SnippetInput } from './plan';
import {
  formatRange,
  headerLines,
  peerAddresses,
  perProtocol,
  placeholderNotes,
  planSnippet,
  skippedReason,
  type PlannedRule,
  type SnippetPlan,
} from './plan';
import type { SnippetSettings } from './settings';
import { commentBlock, doubleQuote } from './text';

/** Name of the chain that holds every pascom rule. */
export const CHAIN = 'pascom';

function portMatch(rule: PlannedRule, protocol: string): string {
  if (rule.ports.length === 1) return `-m ${protocol} --dport ${formatRange(rule.ports[0]!, ':')}`;
  return `-m multiport --dports ${rule.ports.map((range) => formatRange(range, ':')).join(',')}`;
}

function hostPrefix(family: 4 | 6, address: string): string {
  return address.includes('/') ? address : `${address}/${family === 4 ? 32 : 128}`;
}

function render(plan: SnippetPlan, family: 4 | 6, settings: SnippetSettings): string {
  const tool = family === 4 ? 'iptables' : 'ip6tables';
  const label = family === 4 ? 'iptables (IPv4)' : 'ip6tables (IPv6)';
  const lines = commentBlock(
    [
      ...headerLines(plan, label, settings),
      '',
      `Load with: ${tool}-restore --noflush < this-file`,
      `--noflush keeps every rule you have. The file (re)creates only the chain "${CHAIN}" and inserts a jump to it at`,
      `the top of the built-in chains. Loading it again replaces the rules in "${CHAIN}" but adds the jumps a second`,
      `time; remove duplicates with ${tool} -D. Replies pass through your usual ESTABLISHED,RELATED rule.`,
      'The rules match traffic through this machine (FORWARD) and from or to it (OUTPUT, INPUT).',
      '',
      ...placeholderNotes(
        plan,
        `${tool} resolves hostnames only once, when a rule is added, so these rules use addresses.`,
      ),
    ],
    '#',
  );
  lines.push('*filter', `:${CHAIN} - [0:0]`);
  for (const rule of plan.rules) {
    const sources = peerAddresses(rule.source, family);
    const destinations = peerAddresses(rule.destination, family);
    if (sources?.length === 0 || destinations?.length === 0) {
      lines.push(`# ${skippedReason(rule, family)}`);
      continue;
    }
    for (const single of perProtocol(rule)) {
      for (const source of sources ?? [undefined]) {
        for (const destination of destinations ?? [undefined]) {
          const parts = ['-A', CHAIN];
          if (source !== undefined) parts.push('-s', hostPrefix(family, source));
          if (destination !== undefined) parts.push('-d', hostPrefix(family, destination));
          parts.push('-p', single.protocol, portMatch(single, single.protocol));
          parts.push('-m comment --comment', doubleQuote(`${rule.comment} (${rule.direction})`), '-j ACCEPT');
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
export function renderIpv4(input: SnippetInput, settings: SnippetSettings): string {
  return render(planSnippet(input, settings), 4, settings);
}

/** IPv6 rules for ip6tables-restore. */
export function renderIpv6(input: SnippetInput, settings: SnippetSettings): string {
  return render(planSnippet(input, settings), 6, settings);
}
