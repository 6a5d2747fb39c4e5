/**
 * firewalld commands, as a POSIX shell script.
 *
 * Syntax follows firewall-cmd(1), firewalld.policies(5) and firewalld.richlanguage(5)
 * (https://firewalld.org/documentation/): rich rules with `port port="30000-35000"
 * protocol="udp"` (one protocol and one port or range per rule), ipsets with
 * `--new-ipset --type=hash:net`, and policies (firewalld 0.9 or later) between an
 * ingress and an egress zone for forwarded traffic. Rich rules take addresses,
 * not hostnames, so named hosts become ipsets whose addresses the admin gives as
 * shell variables when running the script; the script stops before changing
 * anything while one is not set, as it does for the server's address.
 * Everything is added with `--permanent`; no zone target or default changes.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import {
  familyAddresses,
  perPortRange,
  perProtocol,
  SERVER_VARIABLES,
  shellRequiredValues,
  skippedIn,
  type Peer,
} from './plan';
import { shellQuote } from './text';
import { formatPortRange } from '../ports';

const CMD = 'firewall-cmd --permanent';

function ipsetName(peer: Peer, family: 4 | 6): string | undefined {
  return peer.kind === 'set' ? `${peer.set.name}_v${family}` : undefined;
}

const spell: SpellSnippet = (plan, context) => {
  const zones = context.names;
  const lines = ['#!/bin/sh', ...commentedHeader(plan, context), 'set -e', ...shellRequiredValues(plan)];
  for (const set of plan.sets) {
    for (const family of [4, 6] as const) {
      const name = `${set.name}_v${family}`;
      lines.push(
        `# ${name}: ${set.hosts.join(', ')}`,
        `${CMD} --info-ipset=${name} >/dev/null 2>&1 || ${CMD} --new-ipset=${name} --type=hash:net --option=family=${family === 4 ? 'inet' : 'inet6'}`,
        `for address in $${set.variables[family === 4 ? 'v4' : 'v6']}; do`,
        `  ${CMD} --ipset=${name} --add-entry="$address"`,
        'done',
      );
    }
  }
  const policies = [
    { name: 'pascom-out', direction: 'outbound', ingress: zones.inside, egress: zones.outside },
    { name: 'pascom-in', direction: 'inbound', ingress: zones.outside, egress: zones.inside },
  ] as const;
  for (const policy of policies) {
    const rules = plan.rules.filter((rule) => rule.direction === policy.direction);
    if (rules.length === 0) continue;
    lines.push(
      `${CMD} --info-policy=${policy.name} >/dev/null 2>&1 || ${CMD} --new-policy=${policy.name}`,
      `${CMD} --policy=${policy.name} --add-ingress-zone=${policy.ingress}`,
      `${CMD} --policy=${policy.name} --add-egress-zone=${policy.egress}`,
    );
    for (const rule of rules) {
      lines.push(`# ${rule.comment}`);
      for (const family of [4, 6] as const) {
        const addresses = familyAddresses(rule, family);
        if (addresses === undefined) {
          lines.push(`# ${skippedIn(rule, family)}`);
          continue;
        }
        const { source: sources, destination: destinations } = addresses;
        const source = sources?.[0];
        const ipset = ipsetName(rule.destination, family);
        // The server's address while it is not given: a shell variable, outside the rule's single quotes.
        const serverVariable =
          rule.destination.kind === 'server' && rule.destination.placeholder
            ? SERVER_VARIABLES[family === 4 ? 'v4' : 'v6']
            : undefined;
        const destination = ipset
          ? `destination ipset="${ipset}"`
          : serverVariable !== undefined
            ? `destination address="{{${serverVariable}}}"`
            : destinations?.[0] === undefined
              ? ''
              : `destination address="${destinations[0]}"`;
        for (const single of perProtocol(rule).flatMap(perPortRange)) {
          const parts = [
            `rule family="ipv${family}"`,
            source === undefined ? '' : `source address="${source}"`,
            destination,
          ];
          parts.push(
            `port port="${formatPortRange(single.range, '-')}" protocol="${single.protocols[0]}"`,
            'accept',
          );
          // A variable in the rule is spliced in between two single-quoted halves: '…"'"$NAME"'"…'.
          const richRule = shellQuote(parts.filter((part) => part !== '').join(' ')).replace(
            /\{\{([A-Z0-9_]+)\}\}/g,
            `'"$$$1"'`,
          );
          lines.push(`${CMD} --policy=${policy.name} --add-rich-rule=${richRule}`);
        }
      }
    }
  }
  lines.push('firewall-cmd --reload', '');
  return lines.join('\n');
};

/** The firewalld script for the selected rules. */
export const render = snippetRenderer('firewalld', spell);
