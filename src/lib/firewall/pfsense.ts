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
import { snippetRenderer, xmlCommentHeader, type SpellSnippet } from './frame';
import { familyVariants, perPortRange, ruleZones, skippedIn, type Peer } from './plan';
import { xmlText } from './text';
import { formatPortRange } from '../ports';

/** A rule side; network and server peers come narrowed to one family by familyVariants. */
function endpoint(peer: Peer): string {
  switch (peer.kind) {
    case 'any':
      return '<any></any>';
    case 'network':
    case 'server': {
      const address = peer.v4 ?? peer.v6;
      return address === undefined ? '<any></any>' : `<address>${address}</address>`;
    }
    case 'set':
      return `<address>${peer.set.name}</address>`;
  }
}

const IPPROTOCOL = { 4: 'inet', 6: 'inet6', 46: 'inet46' } as const;

const spell: SpellSnippet = (plan, context) => {
  const lines = ['<?xml version="1.0"?>', ...xmlCommentHeader(plan, context), '<pfsense>', '  <aliases>'];
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
    const zone = ruleZones(rule, context.names);
    const skipped = ([4, 6] as const).map((family) => skippedIn(rule, family)).filter(Boolean);
    for (const reason of skipped) lines.push(`    <!-- ${reason} -->`);
    for (const variant of familyVariants(rule)) {
      for (const single of perPortRange(rule)) {
        lines.push(
          '    <rule>',
          '      <type>pass</type>',
          `      <interface>${xmlText(zone.from)}</interface>`,
          `      <ipprotocol>${IPPROTOCOL[variant.family]}</ipprotocol>`,
          // pfSense names the pair "tcp/udp", never "udp/tcp" (filter.inc); protocols come in that order.
          `      <protocol>${rule.protocols.join('/')}</protocol>`,
          `      <source>${endpoint(variant.source)}</source>`,
          `      <destination>${endpoint(variant.destination)}<port>${formatPortRange(single.range, '-')}</port></destination>`,
          `      <descr>${xmlText(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}</descr>`,
          '    </rule>',
        );
      }
    }
  }
  lines.push('  </filter>', '</pfsense>', '');
  return lines.join('\n');
};

/** The pfSense XML for the selected rules. */
export const render = snippetRenderer('pfsense', spell);
