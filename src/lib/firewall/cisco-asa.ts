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
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { ipv4Netmask, ruleZones, skippedIn, type Peer } from './plan';
import { safeText } from './text';

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

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = commentedHeader(plan, context);
  for (const set of plan.sets) {
    for (const family of [4, 6] as const) {
      lines.push(
        `object network ${set.name}_v${family}`,
        ` fqdn v${family} ${set.hosts[0]}`,
        ` description ${set.label}`,
      );
    }
  }
  const { network, server } = plan;
  if (network.v4)
    lines.push(
      'object network pascom_your_network_v4',
      ` subnet ${network.v4.address} ${ipv4Netmask(network.v4.prefix)}`,
    );
  if (network.v6) lines.push('object network pascom_your_network_v6', ` subnet ${network.v6.cidr}`);
  if (server?.v4) lines.push('object network pascom_server_v4', ` host ${server.v4}`);
  if (server?.v6) lines.push('object network pascom_server_v6', ` host ${server.v6}`);
  for (const service of plan.services) {
    lines.push(`object-group service ${service.name}`, ` description ${safeText(service.comment, 200)}`);
    for (const protocol of service.protocols) {
      for (const { from, to } of service.ports) {
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
    // A remark holds at most 100 characters.
    lines.push(
      `access-list ${acl} remark ${safeText(`${rule.comment} (${plan.texts.direction[rule.direction]})`, 100)}`,
    );
    for (const family of [4, 6] as const) {
      const source = peerObject(rule.source, family);
      const destination = peerObject(rule.destination, family);
      if (source === null || destination === null) {
        lines.push(`! ${skippedIn(rule, family)}`);
        continue;
      }
      lines.push(
        `access-list ${acl} extended permit object-group ${rule.service.name} ${source} ${destination}`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The ASA configuration for the selected rules. */
export const render = snippetRenderer('cisco-asa', spell);
