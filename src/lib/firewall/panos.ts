/**
 * Palo Alto Networks PAN-OS configuration as `set` commands.
 *
 * Syntax follows the PAN-OS CLI Quick Start and the configuration reference
 * (https://docs.paloaltonetworks.com/pan-os/11-1/pan-os-cli-quick-start):
 * `set address NAME fqdn HOST` (the firewall resolves and refreshes FQDN
 * objects itself), `set service NAME protocol tcp port 30000-35000` with one
 * protocol per service and comma-separated ports, and security rules under
 * `rulebase security rules`.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { peerObjectNames, ruleZones, skippedIn, type Service } from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

const members = (values: readonly string[]) => (values.length === 1 ? values[0]! : `[ ${values.join(' ')} ]`);

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = commentedHeader(plan, context);
  for (const set of plan.sets)
    lines.push(
      `set address ${set.name} fqdn ${set.hosts[0]}`,
      `set address ${set.name} description ${doubleQuote(set.label)}`,
    );
  const { network, server } = plan;
  if (network.v4) lines.push(`set address pascom_your_network_v4 ip-netmask ${network.v4.cidr}`);
  if (network.v6) lines.push(`set address pascom_your_network_v6 ip-netmask ${network.v6.cidr}`);
  if (server?.v4) lines.push(`set address pascom_server_v4 ip-netmask ${server.v4}/32`);
  if (server?.v6) lines.push(`set address pascom_server_v6 ip-netmask ${server.v6}/128`);
  // A PAN-OS service has one protocol, so a service of TCP and UDP becomes two.
  const servicesOf = new Map<Service, string[]>();
  for (const service of plan.services) {
    const objects = service.protocols.map((protocol) => `${service.name}-${protocol}`);
    servicesOf.set(service, objects);
    service.protocols.forEach((protocol, index) => {
      const name = objects[index]!;
      lines.push(
        `set service ${name} protocol ${protocol} port ${service.ports.map((range) => formatPortRange(range, '-')).join(',')}`,
        `set service ${name} description ${doubleQuote(service.comment)}`,
      );
    });
  }
  for (const [index, rule] of plan.rules.entries()) {
    const zone = ruleZones(rule, names);
    const name = `pascom-${index + 1}-${rule.id}`.slice(0, 63);
    const base = `set rulebase security rules ${name}`;
    for (const family of [4, 6] as const) {
      const reason = skippedIn(rule, family);
      if (reason !== undefined) lines.push(`# ${reason}`);
    }
    lines.push(
      `${base} from ${zone.from} to ${zone.to} source ${members(peerObjectNames(rule.source))} destination ${members(peerObjectNames(rule.destination))} application any service ${members(servicesOf.get(rule.service)!)} action allow`,
      `${base} description ${doubleQuote(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}`,
    );
  }
  lines.push('');
  return lines.join('\n');
};

/** The PAN-OS set commands for the selected rules. */
export const render = snippetRenderer('panos', spell);
