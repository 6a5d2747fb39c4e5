/**
 * Cisco ASA (8.4 or later) configuration.
 *
 * Syntax follows the Cisco ASA Series Command Reference (object network, fqdn,
 * object-group service, access-list extended, remark;
 * https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/A-H/asa-command-ref-A-H.html):
 * `service-object tcp destination range 30000 35000`, one protocol per service
 * object, `fqdn v4|v6` network objects. FQDN objects only work when the ASA can
 * look names up (`dns domain-lookup` and a name server), which the snippet says.
 * The entries are appended to the interfaces' existing access lists; binding an
 * access list is left to the admin because a first one would block everything else.
 */
import type { SnippetInput } from './plan';
import { headerLines, interfaceNames, ipv4Netmask, planSnippet, ruleZones, type Peer } from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock, safeText } from './text';

function peerObject(peer: Peer, family: 4 | 6): string | null {
  switch (peer.kind) {
    case 'any':
      return family === 4 ? 'any4' : 'any6';
    case 'network':
      if (peer.v4 === undefined && peer.v6 === undefined) return family === 4 ? 'any4' : 'any6';
      return (family === 4 ? peer.v4 : peer.v6) === undefined
        ? null
        : `object pascom_your_network_v${family}`;
    case 'server':
      return (family === 4 ? peer.v4 : peer.v6) === undefined ? null : `object pascom_server_v${family}`;
    case 'set':
      return `object ${peer.set.name}_v${family}`;
  }
}

/** The ASA configuration for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('cisco-asa'));
  const lines = commentBlock(
    [
      ...headerLines(plan, 'Cisco ASA', settings),
      '',
      'FQDN objects need DNS lookups on the ASA, e.g.: dns domain-lookup ' +
        names.outside +
        ' / dns name-server <your DNS server>.',
      `The entries are appended to the access lists ${names.inside}_access_in and ${names.outside}_access_in (the ASDM names).`,
      'If an interface has no access list yet, binding one (access-group ... in interface ...) blocks all other',
      'traffic through it, so add the rest of your policy first.',
      ...(plan.hasInbound
        ? [
            'Inbound rules name the real address of the server (ASA 8.3+); forward the ports with a static NAT rule.',
          ]
        : []),
    ],
    '!',
  );
  for (const set of plan.sets) {
    for (const family of [4, 6] as const) {
      lines.push(
        `object network ${set.name}_v${family}`,
        ` fqdn v${family} ${set.hosts[0]}`,
        ` description ${set.label}`,
      );
    }
  }
  if (settings.network4)
    lines.push(
      'object network pascom_your_network_v4',
      ` subnet ${settings.network4.address} ${ipv4Netmask(settings.network4.prefix)}`,
    );
  if (settings.network6)
    lines.push('object network pascom_your_network_v6', ` subnet ${settings.network6.cidr}`);
  const server = plan.rules.map((rule) => rule.destination).find((peer) => peer.kind === 'server');
  if (server?.kind === 'server') {
    if (server.v4) lines.push('object network pascom_server_v4', ` host ${server.v4}`);
    if (server.v6) lines.push('object network pascom_server_v6', ` host ${server.v6}`);
  }
  const seen = new Set<string>();
  for (const rule of plan.rules) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    lines.push(`object-group service pascom-${rule.id}`, ` description ${rule.comment}`);
    for (const protocol of rule.protocols) {
      for (const { from, to } of rule.ports) {
        lines.push(
          from === to
            ? ` service-object ${protocol} destination eq ${from}`
            : ` service-object ${protocol} destination range ${from} ${to}`,
        );
      }
    }
  }
  for (const rule of plan.rules) {
    const acl = `${ruleZones(rule, names).from}_access_in`;
    lines.push(`access-list ${acl} remark ${safeText(`${rule.comment} (${rule.direction})`, 100)}`);
    for (const family of [4, 6] as const) {
      const source = peerObject(rule.source, family);
      const destination = peerObject(rule.destination, family);
      if (source === null || destination === null) continue;
      lines.push(
        `access-list ${acl} extended permit object-group pascom-${rule.id} ${source} ${destination}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
