/**
 * pfSense configuration XML (aliases and firewall rules).
 *
 * Follows the config.xml layout pfSense writes itself and its documentation on
 * aliases and on restoring a backup area
 * (https://docs.netgate.com/pfsense/en/latest/backup/restore.html,
 * https://docs.netgate.com/pfsense/en/latest/firewall/aliases.html): host
 * aliases may hold hostnames, which pfSense resolves and refreshes itself;
 * rules take "tcp/udp" as one protocol and a port range as "30000-35000".
 * pfSense has no command to add single rules: restoring an area replaces that
 * whole section, which the snippet says in capitals at the top.
 */
import type { SnippetInput } from './plan';
import {
  formatRange,
  headerLines,
  interfaceNames,
  perPortRange,
  planSnippet,
  ruleZones,
  type Peer,
} from './plan';
import { platformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { xmlText } from './text';

function endpoint(peer: Peer, family: 4 | 6 | 46): string {
  switch (peer.kind) {
    case 'any':
      return '<any></any>';
    case 'network': {
      const address = family === 6 ? peer.v6 : (peer.v4 ?? peer.v6);
      return address === undefined ? '<any></any>' : `<address>${address}</address>`;
    }
    case 'server':
      return `<address>${family === 6 ? peer.v6 : peer.v4}</address>`;
    case 'set':
      return `<address>${peer.set.name}</address>`;
  }
}

/** The pfSense XML for the selected rules. */
export function render(input: SnippetInput, settings: SnippetSettings): string {
  const plan = planSnippet(input, settings);
  const names = interfaceNames(settings, platformInfo('pfsense'));
  const header = [
    ...headerLines(plan, 'pfSense', settings),
    '',
    'CAUTION: RESTORING A BACKUP AREA REPLACES THAT WHOLE SECTION (all your aliases, or all your rules).',
    'Either merge the <alias> and <rule> elements into a backup of your own configuration and restore that',
    '(Diagnostics > Backup & Restore), or create the same aliases and rules by hand in the web interface.',
    'Host aliases may hold hostnames: pfSense resolves them and follows their changes.',
    `Interfaces: "${names.inside}" is your network, "${names.outside}" the internet.`,
    ...(plan.hasInbound
      ? ['Inbound rules also need a port forward (Firewall > NAT) to your pascom server.']
      : []),
  ];
  const lines = [
    '<?xml version="1.0"?>',
    '<!--',
    ...header.map((line) => `  ${xmlText(line).replace(/--/g, '- -')}`),
    '-->',
    '<pfsense>',
    '  <aliases>',
  ];
  for (const set of plan.sets) {
    lines.push(
      '    <alias>',
      `      <name>${set.name}</name>`,
      '      <type>host</type>',
      `      <address>${set.hosts.map(xmlText).join(' ')}</address>`,
      `      <descr>${xmlText(set.label)}</descr>`,
      '    </alias>',
    );
  }
  lines.push('  </aliases>', '  <filter>');
  for (const rule of plan.rules) {
    const zone = ruleZones(rule, names);
    const serverV6Only = rule.destination.kind === 'server' && rule.destination.v4 === undefined;
    const family = rule.destination.kind === 'server' ? (serverV6Only ? 6 : 4) : 46;
    for (const single of perPortRange(rule)) {
      lines.push(
        '    <rule>',
        '      <type>pass</type>',
        `      <interface>${xmlText(zone.from)}</interface>`,
        `      <ipprotocol>${family === 46 ? 'inet46' : family === 6 ? 'inet6' : 'inet'}</ipprotocol>`,
        `      <protocol>${rule.protocols.join('/')}</protocol>`,
        `      <source>${endpoint(rule.source, family)}</source>`,
        `      <destination>${endpoint(rule.destination, family)}<port>${formatRange(single.range, '-')}</port></destination>`,
        `      <descr>${xmlText(`${rule.comment} (${rule.direction})`)}</descr>`,
        '    </rule>',
      );
    }
  }
  lines.push('  </filter>', '</pfsense>', '');
  return lines.join('\n');
}
