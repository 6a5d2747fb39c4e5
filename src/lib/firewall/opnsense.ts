/**
 * OPNsense API calls, as a POSIX shell script using curl.
 *
 * Follows the OPNsense core firewall API
 * (https://docs.opnsense.org/development/api/core/firewall.html):
 * `firewall/alias/addItem` for host aliases, which may hold hostnames that
 * OPNsense resolves and refreshes itself, `firewall/filter/addRule` with
 * `destination_port` "30000-35000" and protocol "TCP/UDP", then `apply`.
 * Rules added this way appear under Firewall > Automation > Filter and are
 * evaluated before the interface rules; nothing existing is changed.
 */
import type { SnippetInput } from './plan';
import {
  formatRange,
  headerLines,
  interfaceNames,
  perPortRange,
  planSnippet,
  ruleZones,
  type Peer,
} from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock, shellQuote } from './text';

function net(peer: Peer): string {
  switch (peer.kind) {
    case 'any':
      return 'any';
    case 'network':
      return [peer.v4, peer.v6].filter(Boolean).join(',') || 'any';
    case 'server':
      return [peer.v4, peer.v6].filter(Boolean).join(',');
    case 'set':
      return peer.set.name;
  }
}

/** The OPNsense API script for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('opnsense'));
  const lines = [
    '#!/bin/sh',
    ...commentBlock(
      [
        ...headerLines(plan, 'OPNsense', settings),
        '',
        'Needs an API key (System > Access > Users). Run: OPN=https://your-firewall KEY=... SECRET=... sh this-file',
        'The rules appear under Firewall > Automation > Filter, evaluated before the interface rules.',
        'Host aliases may hold hostnames: OPNsense resolves them and follows their changes.',
        `Interfaces: "${names.inside}" is your network, "${names.outside}" the internet.`,
        ...(plan.hasInbound
          ? [
              'Inbound rules also need a port forward (Firewall > NAT > Destination NAT) to your pascom server.',
            ]
          : []),
      ],
      '#',
    ),
    'set -eu',
    'api() { curl -fsS -u "$KEY:$SECRET" -H "Content-Type: application/json" -d "$2" "$OPN/api/firewall/$1"; echo; }',
  ];
  for (const set of plan.sets) {
    const body = {
      alias: {
        enabled: '1',
        name: set.name,
        type: 'host',
        content: set.hosts.join('\n'),
        description: set.label,
      },
    };
    lines.push(`api alias/addItem ${shellQuote(JSON.stringify(body))}`);
  }
  if (plan.sets.length > 0) lines.push("api alias/reconfigure '{}'");
  for (const rule of plan.rules) {
    const zone = ruleZones(rule, names);
    for (const single of perPortRange(rule)) {
      const body = {
        rule: {
          enabled: '1',
          action: 'pass',
          quick: '1',
          interface: zone.from,
          direction: 'in',
          ipprotocol: 'inet46',
          protocol: rule.protocols.map((protocol) => protocol.toUpperCase()).join('/'),
          source_net: net(rule.source),
          destination_net: net(rule.destination),
          destination_port: formatRange(single.range, '-'),
          description: `${rule.comment} (${rule.direction})`,
        },
      };
      lines.push(`api filter/addRule ${shellQuote(JSON.stringify(body))}`);
    }
  }
  lines.push("api filter/apply '{}'", '');
  return lines.join('\n');
}
