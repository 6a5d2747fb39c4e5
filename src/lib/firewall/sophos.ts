/**
 * Sophos Firewall (SFOS) XML API request.
 *
 * Follows the Sophos Firewall API help
 * (https://docs.sophos.com/nsg/sophos-firewall/21.0/API/index.html): a
 * `<Request>` with `<Set operation="add">` holding FQDNHost objects, which the
 * firewall resolves itself, Services of type TCPorUDP whose port ranges use a
 * colon ("30000:35000"), and FirewallRule entries with a NetworkPolicy, added at
 * the bottom of the rule list. Existing rules are not changed.
 */
import { snippetRenderer, xmlCommentHeader, type SpellSnippet } from './frame';
import { ipv4Netmask, ruleZones, skippedIn, type Peer } from './plan';
import { xmlText } from './text';
import { formatPortRange } from '../ports';

function networks(peer: Peer, family: 4 | 6): string[] | null {
  switch (peer.kind) {
    case 'any':
      return [];
    case 'network':
      if (peer.v4 === undefined && peer.v6 === undefined) return [];
      return (family === 4 ? peer.v4 : peer.v6) === undefined ? null : [`pascom_your_network_v${family}`];
    case 'server':
      return (family === 4 ? peer.v4 : peer.v6) === undefined ? null : [`pascom_server_v${family}`];
    case 'set':
      return [peer.set.name];
  }
}

function ipHost(
  name: string,
  family: 4 | 6,
  type: 'IP' | 'Network',
  address: string,
  prefix?: number,
): string[] {
  return [
    '    <IPHost>',
    `      <Name>${name}</Name>`,
    `      <IPFamily>IPv${family}</IPFamily>`,
    `      <HostType>${type}</HostType>`,
    `      <IPAddress>${address}</IPAddress>`,
    // IPv4 subnets are dotted netmasks (IPHost's Subnet is an IP address); IPv6 ones are prefix lengths.
    ...(prefix === undefined
      ? []
      : [`      <Subnet>${family === 4 ? ipv4Netmask(prefix) : prefix}</Subnet>`]),
    '    </IPHost>',
  ];
}

const spell: SpellSnippet = (plan, context) => {
  const names = context.names;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...xmlCommentHeader(plan, context),
    '<Request APIVersion="2000.1">',
    '  <Login><Username>admin</Username><Password>CHANGE-ME</Password></Login>',
    '  <Set operation="add">',
  ];
  for (const set of plan.sets) {
    lines.push(
      '    <FQDNHost>',
      `      <Name>${set.name}</Name>`,
      `      <FQDN>${xmlText(set.hosts[0]!)}</FQDN>`,
      `      <Description>${xmlText(set.label)}</Description>`,
      '    </FQDNHost>',
    );
  }
  const { network, server } = plan;
  if (network.v4)
    lines.push(...ipHost('pascom_your_network_v4', 4, 'Network', network.v4.address, network.v4.prefix));
  if (network.v6)
    lines.push(...ipHost('pascom_your_network_v6', 6, 'Network', network.v6.address, network.v6.prefix));
  if (server?.v4) lines.push(...ipHost('pascom_server_v4', 4, 'IP', server.v4));
  if (server?.v6) lines.push(...ipHost('pascom_server_v6', 6, 'IP', server.v6));
  for (const service of plan.services) {
    lines.push(
      '    <Services>',
      `      <Name>${service.name}</Name>`,
      '      <Type>TCPorUDP</Type>',
      '      <ServiceDetails>',
    );
    for (const protocol of service.protocols) {
      for (const range of service.ports) {
        lines.push(
          '        <ServiceDetail>',
          '          <SourcePort>1:65535</SourcePort>',
          `          <DestinationPort>${formatPortRange(range, ':')}</DestinationPort>`,
          `          <Protocol>${protocol.toUpperCase()}</Protocol>`,
          '        </ServiceDetail>',
        );
      }
    }
    lines.push('      </ServiceDetails>', '    </Services>');
  }
  for (const [index, rule] of plan.rules.entries()) {
    const zone = ruleZones(rule, names);
    for (const family of [4, 6] as const) {
      const sources = networks(rule.source, family);
      const destinations = networks(rule.destination, family);
      if (sources === null || destinations === null) {
        lines.push(`    <!-- ${skippedIn(rule, family)} -->`);
        continue;
      }
      const list = (tag: string, inner: string, values: string[]) =>
        values.length === 0
          ? []
          : [`        <${tag}>${values.map((value) => `<${inner}>${value}</${inner}>`).join('')}</${tag}>`];
      lines.push(
        '    <FirewallRule>',
        `      <Name>pascom ${index + 1} ${rule.id} IPv${family}</Name>`,
        `      <Description>${xmlText(`${rule.comment} (${plan.texts.direction[rule.direction]})`)}</Description>`,
        `      <IPFamily>IPv${family}</IPFamily>`,
        '      <Status>Enable</Status>',
        '      <Position>Bottom</Position>',
        '      <PolicyType>Network</PolicyType>',
        '      <NetworkPolicy>',
        '        <Action>Accept</Action>',
        `        <SourceZones><Zone>${xmlText(zone.from)}</Zone></SourceZones>`,
        `        <DestinationZones><Zone>${xmlText(zone.to)}</Zone></DestinationZones>`,
        '        <Schedule>All The Time</Schedule>',
        ...list('SourceNetworks', 'Network', sources),
        ...list('DestinationNetworks', 'Network', destinations),
        `        <Services><Service>${rule.service.name}</Service></Services>`,
        '      </NetworkPolicy>',
        '    </FirewallRule>',
      );
    }
  }
  lines.push('  </Set>', '</Request>', '');
  return lines.join('\n');
};

/** The Sophos Firewall API request for the selected rules. */
export const render = snippetRenderer('sophos', spell);
