/**
 * Windows Defender Firewall rules, as a PowerShell script.
 *
 * Syntax follows the NetSecurity module's New-NetFirewallRule
 * (https://learn.microsoft.com/en-us/powershell/module/netsecurity/new-netfirewallrule):
 * one protocol per rule, `-RemotePort` / `-LocalPort` as a list of ports or
 * "30000-35000" ranges, `-RemoteAddress` as addresses or networks. The firewall
 * cannot match hostnames, so named hosts become PowerShell variables holding
 * placeholder addresses. Rules are added to the group "pascom" and can be
 * removed together with Remove-NetFirewallRule -Group pascom.
 */
import { commentedHeader, snippetRenderer, type SpellSnippet } from './frame';
import { perProtocol, type Peer } from './plan';
import { powershellQuote } from './text';
import { formatPortRange } from '../ports';

function list(values: readonly string[]): string {
  return `@(${values.map(powershellQuote).join(', ')})`;
}

function addressArgument(peer: Peer): string | undefined {
  switch (peer.kind) {
    case 'set':
      return `$${peer.set.name}`;
    case 'network':
    case 'server': {
      const addresses = [peer.v4, peer.v6].filter((value): value is string => value !== undefined);
      return addresses.length === 0 ? undefined : list(addresses);
    }
    case 'any':
      return undefined;
  }
}

const spell: SpellSnippet = (plan, context) => {
  const lines = ['#Requires -RunAsAdministrator', ...commentedHeader(plan, context)];
  for (const set of plan.sets) {
    lines.push(`# ${set.hosts.join(', ')}`, `$${set.name} = ${list([...set.v4, ...set.v6])}`);
  }
  for (const rule of plan.rules) {
    const ports = rule.ports.map((range) => formatPortRange(range, '-'));
    for (const single of perProtocol(rule)) {
      const outbound = rule.direction === 'outbound';
      const parts = [
        'New-NetFirewallRule',
        `-DisplayName ${powershellQuote(`${rule.comment} (${single.protocol.toUpperCase()})`)}`,
        "-Group 'pascom'",
        `-Description ${powershellQuote(plan.texts.windowsDescription(rule.id, rule.direction))}`,
        `-Direction ${outbound ? 'Outbound' : 'Inbound'}`,
        '-Action Allow',
        `-Protocol ${single.protocol.toUpperCase()}`,
        `-${outbound ? 'RemotePort' : 'LocalPort'} ${list(ports)}`,
      ];
      // Outbound, the far end is the named host; inbound, the far end is any device on the internet.
      const remote = outbound ? addressArgument(rule.destination) : addressArgument(rule.source);
      const local = outbound ? addressArgument(rule.source) : addressArgument(rule.destination);
      if (remote !== undefined) parts.push(`-RemoteAddress ${remote}`);
      if (local !== undefined) parts.push(`-LocalAddress ${local}`);
      lines.push(`${parts.join(' ')} | Out-Null`);
    }
  }
  lines.push('');
  return lines.join('\n');
};

/** The PowerShell script for the selected rules. */
export const render = snippetRenderer('windows', spell);
