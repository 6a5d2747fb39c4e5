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
import type { SnippetInput } from './plan';
import { formatRange, headerLines, interfaceNames, peerObjectNames, planSnippet, ruleZones } from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock, doubleQuote } from './text';

const members = (values: readonly string[]) => (values.length === 1 ? values[0]! : `[ ${values.join(' ')} ]`);

/** The PAN-OS set commands for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('panos'));
  const lines = commentBlock(
    [
      ...headerLines(plan, 'Palo Alto PAN-OS', settings),
      '',
      'Paste in configuration mode ("configure"), then "commit". New rules are added at the end of the rulebase:',
      'move them above your deny rules, e.g. "move rulebase security rules pascom-1-sip-tls top".',
      `Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
      'FQDN address objects are resolved by the firewall itself and refreshed regularly.',
      ...(plan.hasInbound
        ? [
            'Inbound rules also need a destination NAT policy. PAN-OS matches security rules on the pre-NAT (public)',
            'address and the post-NAT zone: replace pascom_server_v4/v6 in those rules with your public address.',
          ]
        : []),
    ],
    '#',
  );
  for (const set of plan.sets)
    lines.push(
      `set address ${set.name} fqdn ${set.hosts[0]}`,
      `set address ${set.name} description ${doubleQuote(set.label)}`,
    );
  if (settings.network4)
    lines.push(`set address pascom_your_network_v4 ip-netmask ${settings.network4.cidr}`);
  if (settings.network6)
    lines.push(`set address pascom_your_network_v6 ip-netmask ${settings.network6.cidr}`);
  const server = plan.rules.map((rule) => rule.destination).find((peer) => peer.kind === 'server');
  if (server?.kind === 'server') {
    if (server.v4) lines.push(`set address pascom_server_v4 ip-netmask ${server.v4}/32`);
    if (server.v6) lines.push(`set address pascom_server_v6 ip-netmask ${server.v6}/128`);
  }
  const servicesOf = new Map<string, string[]>();
  for (const rule of plan.rules) {
    if (servicesOf.has(rule.id)) continue;
    const services = rule.protocols.map((protocol) => `pascom-${rule.id}-${protocol}`);
    servicesOf.set(rule.id, services);
    rule.protocols.forEach((protocol, index) => {
      const name = services[index]!;
      lines.push(
        `set service ${name} protocol ${protocol} port ${rule.ports.map((range) => formatRange(range, '-')).join(',')}`,
        `set service ${name} description ${doubleQuote(rule.comment)}`,
      );
    });
  }
  for (const [index, rule] of plan.rules.entries()) {
    const zone = ruleZones(rule, names);
    const name = `pascom-${index + 1}-${rule.id}`.slice(0, 63);
    const base = `set rulebase security rules ${name}`;
    lines.push(
      `${base} from ${zone.from} to ${zone.to} source ${members(peerObjectNames(rule.source))} destination ${members(peerObjectNames(rule.destination))} application any service ${members(servicesOf.get(rule.id)!)} action allow`,
      `${base} description ${doubleQuote(`${rule.comment} (${rule.direction})`)}`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
