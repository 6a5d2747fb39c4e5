import { describe, expect, test } from 'vitest';
import { formatPortList } from '../../src/lib/ports';
import { type Placement } from '../../src/lib/model';
import { loadContent } from './helpers/load-content';

const data = loadContent();

/** A row as the original table wrote it: port, protocols, device ids, source, targets. */
function row(placement: Placement) {
  return {
    id: placement.rule.id,
    ports: formatPortList(placement.rule.ports),
    protocols: placement.rule.protocols.join('+'),
    devices: placement.rule.devices
      .map((device) => device.id)
      .sort()
      .join(' '),
    source: placement.source.id,
    targets: placement.destinations.map((endpoint) => endpoint.hosts.join(' ') || endpoint.id).join(', '),
    direction: placement.direction,
  };
}

const cloudRows = [
  {
    id: 'sip-tls',
    ports: '5061',
    protocols: 'tcp',
    devices: 'desktop mobile phone',
    targets: '*.pascom.cloud',
  },
  {
    id: 'rtp-voice',
    ports: '30000-35000',
    protocols: 'udp',
    devices: 'desktop mobile phone',
    targets: '*.pascom.cloud',
  },
  { id: 'ldaps-phonebook', ports: '636', protocols: 'tcp', devices: 'phone', targets: '*.pascom.cloud' },
  { id: 'phone-provisioning', ports: '8884', protocols: 'tcp', devices: 'phone', targets: '*.pascom.cloud' },
  {
    id: 'mypascom-services',
    ports: '80, 443',
    protocols: 'tcp',
    devices: 'desktop mobile web',
    targets: 'mypascom.net',
  },
  { id: 'video-stun', ports: '3478', protocols: 'udp', devices: 'desktop mobile', targets: '*.pascom.cloud' },
  { id: 'chat-xmpp', ports: '5222', protocols: 'tcp', devices: 'desktop mobile', targets: '*.pascom.cloud' },
  { id: 'webrtc-webclient', ports: '19302', protocols: 'udp+tcp', devices: 'web', targets: '*.pascom.cloud' },
  { id: 'vpn-tunnel', ports: '8885', protocols: 'tcp', devices: 'server', targets: '*.pascom.cloud' },
];

const deployment = (id: 'cloud' | 'onsite') => data.deployments.find((candidate) => candidate.id === id)!;

describe('the Cloud tab', () => {
  test('lists the nine rows of the original table, in order, outbound from your network', () => {
    expect(deployment('cloud').placements.map(row)).toEqual(
      cloudRows.map((expected) => ({ ...expected, source: 'your-network', direction: 'outbound' })),
    );
  });
});

describe('the Onsite tab', () => {
  const onsite = deployment('onsite');

  test('has the server group, the remote-access group and the devices group, 3 + 8 + 1 rows', () => {
    expect(onsite.groups.map((group) => [group.id, group.placements.length])).toEqual([
      ['onsite-server', 3],
      ['onsite-remote-access', 8],
      ['onsite-devices', 1],
    ]);
    expect(onsite.placements).toHaveLength(12);
  });

  test('the server reaches licence, mail and time servers, with NTP corrected to UDP and pool.ntp.org', () => {
    expect(onsite.groups[0]!.placements.map(row)).toEqual([
      {
        id: 'licence-server',
        ports: '80, 443',
        protocols: 'tcp',
        devices: 'server',
        source: 'pascom-server',
        targets: 'mypascom.net',
        direction: 'outbound',
      },
      {
        id: 'mail-relay',
        ports: '25',
        protocols: 'tcp',
        devices: 'server',
        source: 'pascom-server',
        targets: 'cloudmx1.pascom.net, cloudmx2.pascom.net',
        direction: 'outbound',
      },
      {
        id: 'ntp-time',
        ports: '123',
        protocols: 'udp',
        devices: 'server',
        source: 'pascom-server',
        targets: 'pool.ntp.org',
        direction: 'outbound',
      },
    ]);
  });

  test('remote access reuses the cloud rules, inbound to your pascom server instead of pascom.cloud', () => {
    const remote = onsite.groups[1]!;
    expect(remote.sameRulesAs).toBe('cloud-devices');
    const inbound = cloudRows.filter((expected) => expected.targets !== 'mypascom.net');
    expect(remote.placements.map(row)).toEqual(
      inbound.map((expected) => ({
        ...expected,
        source: 'internet',
        targets: 'pascom-server',
        direction: 'inbound',
      })),
    );
  });

  test('the devices reaching mypascom.net stand apart, outbound from your network', () => {
    expect(onsite.groups[2]!.placements.map(row)).toEqual(
      cloudRows
        .filter((expected) => expected.targets === 'mypascom.net')
        .map((expected) => ({ ...expected, source: 'your-network', direction: 'outbound' })),
    );
  });
});

describe('editorial corrections', () => {
  const rule = (id: string) => data.rules.find((candidate) => candidate.id === id)!;
  const placement = (tab: 'cloud' | 'onsite', id: string) =>
    deployment(tab).placements.find((candidate) => candidate.rule.id === id)!;

  test('NTP is stored as 123/UDP to pool.ntp.org, with notes quoting the original', () => {
    const ntp = rule('ntp-time');
    expect(ntp.protocols).toEqual(['udp']);
    expect(ntp.destinations.map((endpoint) => endpoint.hosts)).toEqual([['pool.ntp.org']]);
    expect(ntp.corrections.map((correction) => correction.original)).toEqual(['123/TCP', 'ntp.pool.org']);
  });

  test('the 3478 note shows in the Cloud tab only, where the original table was wrong', () => {
    expect(placement('cloud', 'video-stun').corrections).toHaveLength(1);
    expect(placement('cloud', 'video-stun').corrections[0]!.original).toContain('Video-Functionality/UDP');
    expect(placement('onsite', 'video-stun').corrections).toHaveLength(0);
    expect(rule('video-stun').title).toBe('Video functionality');
  });

  test('no rule other than the three corrected ones carries a note', () => {
    const corrected = data.rules
      .filter((candidate) => candidate.corrections.length > 0)
      .map((candidate) => candidate.id);
    expect(corrected).toEqual(['video-stun', 'ntp-time']);
  });
});

test('devices keep the legend order of the original page', () => {
  expect(data.devices.map((device) => device.name)).toEqual([
    'pascom server',
    'Desktop client',
    'Mobile client',
    'IP phone',
    'Web client',
  ]);
});

test('the pascom.cloud footnote is kept', () => {
  expect(data.footnotes.map((endpoint) => endpoint.id)).toEqual(['pascom-cloud']);
  expect(data.footnotes[0]!.footnote).toMatch(/different IP addresses/);
});

test('every rule knows the tabs it appears in', () => {
  expect(data.rules.filter((rule) => rule.deployments.length === 2)).toHaveLength(9);
  expect(data.rules.filter((rule) => rule.deployments.join() === 'onsite')).toHaveLength(3);
});
