/**
 * SonicWall SonicOS 7 CLI (classic mode access rules).
 *
 * Syntax follows the SonicOS 7 CLI Reference Guide
 * (https://www.sonicwall.com/support/technical-documentation/docs/sonicos-7-cli_reference_guide):
 * FQDN address objects (`address-object fqdn NAME domain HOST zone WAN`), which
 * SonicOS resolves itself, service objects with a protocol and a first and last
 * port, service groups, and `access-rule` between two zones.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { ruleZones, skippedIn, type Peer, type Service } from './plan';
import { doubleQuote } from './text';

function peerText(peer: Peer, family: 4 | 6): string | null {
  const any = 'any';
  switch (peer.kind) {
    case 'any':
      return any;
    case 'network':
      if (peer.v4 === undefined && peer.v6 === undefined) return any;
      return (family === 4 ? peer.v4 : peer.v6) === undefined
        ? null
        : `name ${doubleQuote(`pascom_your_network_v${family}`)}`;
    case 'server':
      return (family === 4 ? peer.v4 : peer.v6) === undefined
        ? null
        : `name ${doubleQuote(`pascom_server_v${family}`)}`;
    case 'set':
      return `name ${doubleQuote(peer.set.name)}`;
  }
}

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = commentedHeader(plan, context);
  lines.push('configure');
  for (const set of plan.sets)
    lines.push(`address-object fqdn ${doubleQuote(set.name)} domain ${set.hosts[0]} zone ${names.outside}`);
  const { network, server } = plan;
  if (network.v4)
    lines.push(
      `address-object ipv4 "pascom_your_network_v4" network ${network.v4.address} /${network.v4.prefix} zone ${names.inside}`,
    );
  if (network.v6)
    lines.push(
      `address-object ipv6 "pascom_your_network_v6" network ${network.v6.address} /${network.v6.prefix} zone ${names.inside}`,
    );
  if (server?.v4) lines.push(`address-object ipv4 "pascom_server_v4" host ${server.v4} zone ${names.inside}`);
  if (server?.v6) lines.push(`address-object ipv6 "pascom_server_v6" host ${server.v6} zone ${names.inside}`);
  // A single service object is named with "service name", a group with "service group".
  const serviceOf = new Map<Service, string>();
  for (const service of plan.services) {
    const objects: string[] = [];
    for (const protocol of service.protocols) {
      for (const { from, to } of service.ports) {
        const name = `${service.name} ${protocol.toUpperCase()} ${from === to ? from : `${from}-${to}`}`;
        objects.push(name);
        lines.push(`service-object ${doubleQuote(name)} ${protocol.toUpperCase()} ${from} ${to}`);
      }
    }
    if (objects.length === 1) {
      serviceOf.set(service, `name ${doubleQuote(objects[0]!)}`);
    } else {
      const group = service.name;
      lines.push(
        `service-group ${doubleQuote(group)}`,
        ...objects.map((name) => `    service-object ${doubleQuote(name)}`),
        '    exit',
      );
      serviceOf.set(service, `group ${doubleQuote(group)}`);
    }
  }
  for (const rule of plan.rules) {
    const zone = ruleZones(rule, names);
    for (const family of [4, 6] as const) {
      const source = peerText(rule.source, family);
      const destination = peerText(rule.destination, family);
      if (source === null || destination === null) {
        lines.push(`# ${skippedIn(rule, family)}`);
        continue;
      }
      lines.push(
        `access-rule ipv${family} from ${zone.from} to ${zone.to} action allow source address ${source} service ${serviceOf.get(rule.service)!} destination address ${destination}`,
        `    comment ${doubleQuote(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}`,
        '    exit',
      );
    }
  }
  lines.push('commit', '');
  return lines.join('\n');
};

/** The SonicOS CLI commands for the selected rules. */
export const render = snippetRenderer('sonicwall', spell);
