/**
 * firewalld commands, as a POSIX shell script.
 *
 * Syntax follows firewall-cmd(1), firewalld.policies(5) and firewalld.richlanguage(5)
 * (https://firewalld.org/documentation/): rich rules with `port port="30000-35000"
 * protocol="udp"` (one protocol and one port or range per rule), ipsets with
 * `--new-ipset --type=hash:net`, and policies (firewalld 0.9 or later) between an
 * ingress and an egress zone for forwarded traffic. Rich rules take addresses,
 * not hostnames, so named hosts become ipsets of placeholder addresses.
 * Everything is added with `--permanent`; no zone target or default changes.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { familyAddresses, perPortRange, perProtocol, skippedIn, type Peer } from './plan';
import { shellQuote } from './text';
import { formatPortRange } from '../ports';

const CMD = 'firewall-cmd --permanent';

function ipsetName(peer: Peer, family: 4 | 6): string | undefined {
  return peer.kind === 'set' ? `${peer.set.name}_v${family}` : undefined;
}

const spell: SpellSnippet = (plan, context) => {
  const zones = context.names;
  const lines = ['#!/bin/sh', ...commentedHeader(plan, context), 'set -e'];
  for (const set of plan.sets) {
    for (const family of [4, 6] as const) {
      const name = `${set.name}_v${family}`;
      lines.push(
        `# ${name}: ${set.hosts.join(', ')}`,
        `${CMD} --info-ipset=${name} >/dev/null 2>&1 || ${CMD} --new-ipset=${name} --type=hash:net --option=family=${family === 4 ? 'inet' : 'inet6'}`,
        ...(family === 4 ? set.v4 : set.v6).map((address) => `${CMD} --ipset=${name} --add-entry=${address}`),
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
        const destination = ipset
          ? `destination ipset="${ipset}"`
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
          lines.push(
            `${CMD} --policy=${policy.name} --add-rich-rule=${shellQuote(parts.filter((part) => part !== '').join(' '))}`,
          );
        }
      }
    }
  }
  lines.push('firewall-cmd --reload', '');
  return lines.join('\n');
};

/** The firewalld script for the selected rules. */
export const render = snippetRenderer('firewalld', spell);
