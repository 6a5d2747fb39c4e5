/**
 * Juniper SRX (Junos OS) configuration as `set` commands.
 *
 * Syntax follows the Junos OS Security Policies User Guide and the address-book
 * and applications statements
 * (https://www.juniper.net/documentation/us/en/software/junos/security-policies/):
 * `address … dns-name …`, which the SRX resolves and refreshes itself,
 * applications with one term per protocol and port range
 * (`destination-port 30000-35000`), and policies per zone pair.
 */
import type { SnippetInput } from './plan';
import { formatRange, headerLines, interfaceNames, peerObjectNames, planSnippet, ruleZones } from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock, doubleQuote } from './text';

/** The Junos set commands for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('juniper-srx'));
  const lines = commentBlock(
    [
      ...headerLines(plan, 'Juniper SRX', settings),
      '',
      'Paste in configuration mode, check with "commit check", then "commit". New policies go to the end of their',
      'zone pair; if a deny policy sits there, move them up with "insert security policies ... before policy ...".',
      `Zones: "${names.inside}" is your network, "${names.outside}" the internet.`,
      'dns-name addresses are resolved by the SRX itself and refreshed when their DNS records expire.',
      ...(plan.hasInbound
        ? [
            'Inbound policies name the real address of the server: add a destination NAT rule that forwards the ports to it.',
          ]
        : []),
    ],
    '#',
  );
  const book = 'set security address-book global address';
  for (const set of plan.sets)
    lines.push(
      `${book} ${set.name} dns-name ${set.hosts[0]}`,
      `${book} ${set.name} description ${doubleQuote(set.label)}`,
    );
  if (settings.network4) lines.push(`${book} pascom_your_network_v4 ${settings.network4.cidr}`);
  if (settings.network6) lines.push(`${book} pascom_your_network_v6 ${settings.network6.cidr}`);
  const server = plan.rules.map((rule) => rule.destination).find((peer) => peer.kind === 'server');
  if (server?.kind === 'server') {
    if (server.v4) lines.push(`${book} pascom_server_v4 ${server.v4}/32`);
    if (server.v6) lines.push(`${book} pascom_server_v6 ${server.v6}/128`);
  }
  const seen = new Set<string>();
  for (const rule of plan.rules) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    const app = `set applications application pascom-${rule.id}`;
    lines.push(`${app} description ${doubleQuote(rule.comment)}`);
    let term = 0;
    for (const protocol of rule.protocols) {
      for (const range of rule.ports) {
        term += 1;
        lines.push(`${app} term t${term} protocol ${protocol} destination-port ${formatRange(range, '-')}`);
      }
    }
  }
  for (const [index, rule] of plan.rules.entries()) {
    const zone = ruleZones(rule, names);
    const policy = `set security policies from-zone ${zone.from} to-zone ${zone.to} policy pascom-${index + 1}-${rule.id}`;
    const sources = peerObjectNames(rule.source);
    const destinations = peerObjectNames(rule.destination);
    lines.push(
      `${policy} description ${doubleQuote(`${rule.comment} (${rule.direction})`)}`,
      ...sources.map((name) => `${policy} match source-address ${name}`),
      ...destinations.map((name) => `${policy} match destination-address ${name}`),
      `${policy} match application pascom-${rule.id}`,
      `${policy} then permit`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
