import { describe, expect, test } from 'vitest';
import { failureKind, inPagePlan, parseInPageData, probeHost } from '../../src/lib/checks/in-page';
import { loadContent } from './helpers/load-content';

const data = loadContent('content');
const view = (id: string) => data.deployments.find((deployment) => deployment.id === id)!;

describe('which rows the browser tests', () => {
  test('Cloud: HTTPS to mypascom.net and STUN to the instance, on the ports the data names', () => {
    const plan = inPagePlan(view('cloud'));
    expect(plan.probes.map(({ anchor, kind, host, port }) => `${anchor} ${kind} ${host}:${port}`)).toEqual([
      'cloud-mypascom-services https mypascom.net:443',
      'cloud-video-stun stun *.pascom.cloud:3478',
      'cloud-webrtc-webclient stun *.pascom.cloud:19302',
    ]);
    // Every other row is left to the scripts, or says nothing can test it.
    expect(plan.others.map(({ anchor, why }) => `${anchor} ${why}`)).toEqual([
      'cloud-sip-tls script',
      'cloud-rtp-voice untestable',
      'cloud-ldaps-phonebook script',
      'cloud-phone-provisioning script',
      'cloud-chat-xmpp script',
      'cloud-vpn-tunnel script',
    ]);
  });

  test('Onsite: only the clients’ own HTTPS to mypascom.net; not the server’s rows, not inbound rows', () => {
    const plan = inPagePlan(view('onsite'));
    expect(plan.probes.map(({ anchor, kind, host, port }) => `${anchor} ${kind} ${host}:${port}`)).toEqual([
      'onsite-mypascom-services https mypascom.net:443',
    ]);
    // The licence server is the server's rule: the same host and port, tested from the server.
    expect(plan.others.map(({ anchor }) => anchor)).toContain('onsite-licence-server');
    expect(plan.others).toHaveLength(view('onsite').placements.length - 1);
  });
});

test('a host pattern is filled only with an instance under it', () => {
  expect(probeHost('*.pascom.cloud', 'acme.pascom.cloud')).toBe('acme.pascom.cloud');
  expect(probeHost('*.pascom.cloud', undefined)).toBeUndefined();
  expect(probeHost('*.pascom.cloud', 'evil.example')).toBeUndefined();
  expect(probeHost('mypascom.net', undefined)).toBe('mypascom.net');
});

describe('the check data read back in the browser', () => {
  const good = {
    probes: [
      { ruleId: 'video-stun', anchor: 'cloud-video-stun', kind: 'stun', port: 3478, host: '*.pascom.cloud' },
    ],
    others: [
      { anchor: 'cloud-sip-tls', script: true },
      { anchor: 'cloud-rtp-voice', script: false, text: 'No client can test this row.' },
    ],
    scriptsAnchor: 'cloud-check-scripts',
  };
  test('is taken when its shape is right', () => {
    expect(parseInPageData(good)).toEqual(good);
  });
  test.each([
    ['a host with a path', { host: 'evil.example/x' }],
    ['a host with a scheme', { host: 'https://evil.example' }],
    ['a port out of range', { port: 70000 }],
    ['a kind a browser cannot run', { kind: 'tls' }],
  ])('is refused with %s', (_, change) => {
    expect(parseInPageData({ ...good, probes: [{ ...good.probes[0], ...change }] })).toBeUndefined();
  });
  test('is refused when a row has neither a script link nor a reason', () => {
    expect(parseInPageData({ ...good, others: [{ anchor: 'x', script: false }] })).toBeUndefined();
  });
});

test('a failure reads "no answer" only once the time ran out, and "failed at once" well before', () => {
  expect(failureKind(8003, 8000)).toBe('no-answer');
  expect(failureKind(7500, 8000)).toBe('no-answer');
  expect(failureKind(40, 8000)).toBe('failed');
  expect(failureKind(3000, 5000)).toBe('failed');
});
