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
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { peerObjectNames, ruleZones, skippedIn } from './plan';
import { doubleQuote } from './text';
import { formatPortRange } from '../ports';

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = commentedHeader(plan, context);
  const book = 'set security address-book global address';
  for (const set of plan.sets)
    lines.push(
      `${book} ${set.name} dns-name ${set.hosts[0]}`,
      `${book} ${set.name} description ${doubleQuote(set.label)}`,
    );
  const { network, server } = plan;
  if (network.v4) lines.push(`${book} pascom_your_network_v4 ${network.v4.cidr}`);
  if (network.v6) lines.push(`${book} pascom_your_network_v6 ${network.v6.cidr}`);
  if (server?.v4) lines.push(`${book} pascom_server_v4 ${server.v4}/32`);
  if (server?.v6) lines.push(`${book} pascom_server_v6 ${server.v6}/128`);
  for (const service of plan.services) {
    const app = `set applications application ${service.name}`;
    lines.push(`${app} description ${doubleQuote(service.comment)}`);
    let term = 0;
    for (const protocol of service.protocols) {
      for (const range of service.ports) {
        term += 1;
        lines.push(
          `${app} term t${term} protocol ${protocol} destination-port ${formatPortRange(range, '-')}`,
        );
      }
    }
  }
  for (const [index, rule] of plan.rules.entries()) {
    const zone = ruleZones(rule, names);
    const policy = `set security policies from-zone ${zone.from} to-zone ${zone.to} policy pascom-${index + 1}-${rule.id}`;
    const sources = peerObjectNames(rule.source);
    const destinations = peerObjectNames(rule.destination);
    for (const family of [4, 6] as const) {
      const reason = skippedIn(rule, family);
      if (reason !== undefined) lines.push(`# ${reason}`);
    }
    lines.push(
      `${policy} description ${doubleQuote(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}`,
      ...sources.map((name) => `${policy} match source-address ${name}`),
      ...destinations.map((name) => `${policy} match destination-address ${name}`),
      `${policy} match application ${rule.service.name}`,
      `${policy} then permit`,
    );
  }
  lines.push('');
  return lines.join('\n');
};

/** The Junos set commands for the selected rules. */
export const render = snippetRenderer('juniper-srx', spell);
