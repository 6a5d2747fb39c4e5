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
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import type { SnippetTexts } from './texts';
import { familyVariants, perPortRange, ruleZones, skippedIn, type Peer } from './plan';
import { shellQuote } from './text';
import { formatPortRange } from '../ports';

/**
 * A rule side, one address at most: networks and servers come narrowed to one
 * family by familyVariants, so no rule needs the comma-separated lists that
 * only OPNsense 25.1 and later accept.
 */
function net(peer: Peer): string {
  switch (peer.kind) {
    case 'any':
      return 'any';
    case 'network':
    case 'server':
      return peer.v4 ?? peer.v6 ?? 'any';
    case 'set':
      return peer.set.name;
  }
}

const IPPROTOCOL = { 4: 'inet', 6: 'inet6', 46: 'inet46' } as const;

/**
 * The API answers HTTP 200 even when it refuses a call ("result":"failed", or
 * "validations" naming the fields), which neither curl -f nor set -e notice; the
 * wrapper stops the script there instead of leaving a rule silently missing.
 * Its messages stand in double quotes, so they use no quote, $ (but $1 and
 * $response), backquote or backslash in any language.
 */
const apiFunction = (texts: SnippetTexts) => [
  'api() {',
  '  response=$(curl -fsS -u "$KEY:$SECRET" -H "Content-Type: application/json" -d "$2" "$OPN/api/firewall/$1") || {',
  `    echo "${texts.opnsenseCallFailed}" >&2`,
  '    exit 1',
  '  }',
  '  case $response in',
  '    *\'"result":"failed"\'* | *\'"status":"failed"\'* | *\'"validations"\'*)',
  `      echo "${texts.opnsenseRefused}" >&2`,
  '      exit 1',
  '      ;;',
  '  esac',
  '  echo "$response"',
  '}',
];

const spell: SpellSnippet = (plan, context) => {
  const { texts } = plan;
  const lines = [
    '#!/bin/sh',
    ...commentedHeader(plan, context),
    'set -eu',
    `: "\${OPN:?${texts.opnsenseSetVariable('OPN', 'https://192.168.1.1')}}" "\${KEY:?${texts.opnsenseSetVariable('KEY')}}" "\${SECRET:?${texts.opnsenseSetVariable('SECRET')}}"`,
    ...apiFunction(texts),
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
    const zone = ruleZones(rule, context.names);
    for (const family of [4, 6] as const) {
      const reason = skippedIn(rule, family);
      if (reason !== undefined) lines.push(`# ${reason}`);
    }
    for (const variant of familyVariants(rule)) {
      for (const single of perPortRange(rule)) {
        const body = {
          rule: {
            enabled: '1',
            action: 'pass',
            quick: '1',
            interface: zone.from,
            direction: 'in',
            ipprotocol: IPPROTOCOL[variant.family],
            // The Filter model's option is "TCP/UDP"; protocols come in that order.
            protocol: rule.protocols.map((protocol) => protocol.toUpperCase()).join('/'),
            source_net: net(variant.source),
            destination_net: net(variant.destination),
            destination_port: formatPortRange(single.range, '-'),
            description: `${rule.comment} (${plan.texts.direction[rule.direction]})`,
          },
        };
        lines.push(`api filter/addRule ${shellQuote(JSON.stringify(body))}`);
      }
    }
  }
  lines.push("api filter/apply '{}'", '');
  return lines.join('\n');
};

/** The OPNsense API script for the selected rules. */
export const render = snippetRenderer('opnsense', spell);
