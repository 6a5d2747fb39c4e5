/**
 * SonicWall SonicOS 7 CLI (classic mode access rules).
 *
 * Syntax follows the SonicOS 7 CLI Reference Guide
 * (https://www.sonicwall.com/support/technical-documentation/docs/sonicos-7-cli_reference_guide):
 * FQDN address objects (`address-object fqdn NAME domain HOST zone WAN`), which
 * SonicOS resolves itself, service objects with a protocol and a first and last
 * port, service groups, and `access-rule` between two zones.
 */
import type { SnippetInput } from './plan';
import { headerLines, interfaceNames, planSnippet, ruleZones, type Peer } from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock, doubleQuote } from './text';

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

/** The SonicOS CLI commands for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('sonicwall'));
  const lines = commentBlock(
    [
      ...headerLines(plan, 'SonicWall SonicOS 7', settings),
      '',
      'Paste after "configure"; "commit" saves the changes. Access rules are added to their zone pair and sorted',
      `by SonicOS. Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
      'FQDN address objects are resolved by the firewall itself and follow DNS changes.',
      ...(plan.hasInbound
        ? ['Inbound rules also need a NAT policy that forwards the ports to your pascom server.']
        : []),
    ],
    '#',
  );
  lines.push('configure');
  for (const set of plan.sets)
    lines.push(`address-object fqdn ${doubleQuote(set.name)} domain ${set.hosts[0]} zone ${names.outside}`);
  if (settings.network4)
    lines.push(
      `address-object ipv4 "pascom_your_network_v4" network ${settings.network4.address} /${settings.network4.prefix} zone ${names.inside}`,
    );
  if (settings.network6)
    lines.push(
      `address-object ipv6 "pascom_your_network_v6" network ${settings.network6.address} /${settings.network6.prefix} zone ${names.inside}`,
    );
  const server = plan.rules.map((rule) => rule.destination).find((peer) => peer.kind === 'server');
  if (server?.kind === 'server') {
    if (server.v4)
      lines.push(`address-object ipv4 "pascom_server_v4" host ${server.v4} zone ${names.inside}`);
    if (server.v6)
      lines.push(`address-object ipv6 "pascom_server_v6" host ${server.v6} zone ${names.inside}`);
  }
  const serviceOf = new Map<string, string>();
  for (const rule of plan.rules) {
    if (serviceOf.has(rule.id)) continue;
    const objects: string[] = [];
    for (const protocol of rule.protocols) {
      for (const { from, to } of rule.ports) {
        const name = `pascom ${rule.id} ${protocol.toUpperCase()} ${from === to ? from : `${from}-${to}`}`;
        objects.push(name);
        lines.push(`service-object ${doubleQuote(name)} ${protocol.toUpperCase()} ${from} ${to}`);
      }
    }
    if (objects.length === 1) {
      serviceOf.set(rule.id, objects[0]!);
    } else {
      const group = `pascom ${rule.id}`;
      lines.push(
        `service-group ${doubleQuote(group)}`,
        ...objects.map((name) => `    service-object ${doubleQuote(name)}`),
        '    exit',
      );
      serviceOf.set(rule.id, group);
    }
  }
  for (const rule of plan.rules) {
    const zone = ruleZones(rule, names);
    for (const family of [4, 6] as const) {
      const source = peerText(rule.source, family);
      const destination = peerText(rule.destination, family);
      if (source === null || destination === null) continue;
      lines.push(
        `access-rule ipv${family} from ${zone.from} to ${zone.to} action allow source address ${source} service name ${doubleQuote(serviceOf.get(rule.id)!)} destination address ${destination}`,
        `    comment ${doubleQuote(`${rule.comment} (${rule.direction})`)}`,
        '    exit',
      );
    }
  }
  lines.push('commit', '');
  return lines.join('\n');
}
