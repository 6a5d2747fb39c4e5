import { describe, expect, test } from 'vitest';
import { UI_TEXTS_EN } from '../../src/lib/texts';
import { MAX_QUERY_LENGTH, queryHasFilter } from '../../src/lib/url/params';
import {
  compileFilter,
  emptyFilter,
  isFilterActive,
  matchesFilter,
  parseFilterState,
  queryTerms,
  serialiseFilterState,
  toggleDevice,
  type FilterState,
  type FilterableRule,
} from '../../src/lib/url/filter-state';
import { describeConnectionCount, describeCount, describeTabCount } from '../../src/lib/ui/counts';

const DEVICES = ['server', 'desktop', 'mobile', 'phone', 'web'] as const;

function state(overrides: Partial<FilterState> = {}): FilterState {
  return { ...emptyFilter(), ...overrides };
}

function rule(overrides: Partial<FilterableRule> & { id: string }): FilterableRule {
  return {
    devices: ['desktop'],
    protocols: ['tcp'],
    direction: 'outbound',
    ports: [{ from: 5061, to: 5061 }],
    text: '',
    ...overrides,
  };
}

// The Cloud tab's rules, reduced to what the filter looks at.
const CLOUD: FilterableRule[] = [
  rule({
    id: 'sip-tls',
    devices: ['desktop', 'phone', 'mobile'],
    text: 'sip connection encrypted sip signalling tcp',
  }),
  rule({
    id: 'rtp-voice',
    devices: ['desktop', 'phone', 'mobile'],
    protocols: ['udp'],
    ports: [{ from: 30000, to: 35000 }],
    text: 'rtp voice the audio of every call udp',
  }),
  rule({
    id: 'ldaps-phonebook',
    devices: ['phone'],
    ports: [{ from: 636, to: 636 }],
    text: 'ldaps, phonebook tcp',
  }),
  rule({
    id: 'phone-provisioning',
    devices: ['phone'],
    ports: [{ from: 8884, to: 8884 }],
    text: 'phone provisioning',
  }),
  rule({
    id: 'mypascom-services',
    devices: ['desktop', 'mobile', 'web'],
    ports: [
      { from: 80, to: 80 },
      { from: 443, to: 443 },
    ],
    text: 'updates, push, fax, voicemail, recordings tcp',
  }),
  rule({
    id: 'webrtc-webclient',
    devices: ['web'],
    protocols: ['udp', 'tcp'],
    ports: [{ from: 19302, to: 19302 }],
    text: 'webrtc, web client udp tcp',
  }),
  rule({ id: 'vpn-tunnel', devices: ['server'], ports: [{ from: 8885, to: 8885 }], direction: 'inbound' }),
];

function visible(filter: FilterState): string[] {
  const matches = compileFilter(filter);
  return CLOUD.filter(matches).map(({ id }) => id);
}

describe('parseFilterState', () => {
  test('reads every parameter', () => {
    expect(parseFilterState('?device=phone&protocol=udp&direction=inbound&q=rtp', DEVICES)).toEqual({
      devices: ['phone'],
      protocol: 'udp',
      direction: 'inbound',
      query: 'rtp',
    });
  });

  test('an empty or foreign query is the empty filter', () => {
    expect(parseFilterState('', DEVICES)).toEqual(emptyFilter());
    expect(parseFilterState('?fw=nftables&net=10.0.0.0%2F8', DEVICES)).toEqual(emptyFilter());
  });

  test.each([
    ['repeated', '?device=web&device=phone'],
    ['comma-separated', '?device=web,phone'],
    ['mixed and duplicated', '?device=phone,web&device=phone'],
    ['upper-case and padded', '?device=%20WEB%20&device=Phone'],
  ])('devices %s come back in legend order', (_, search) => {
    expect(parseFilterState(search, DEVICES).devices).toEqual(['phone', 'web']);
  });

  test.each([
    ['unknown device', '?device=toaster', {}],
    ['unknown device next to a known one', '?device=toaster,phone', { devices: ['phone'] }],
    ['broken percent-escape', '?protocol=%E0%A4%A', {}],
    ['protocol outside the registry', '?protocol=sctp', {}],
    ['direction outside the registry', '?direction=sideways', {}],
    ['empty values', '?device=&protocol=&direction=&q=', {}],
    ['parameter without a value', '?device&protocol&q', {}],
    ['markup in the text', '?q=%3Cscript%3E', { query: '<script>' }],
    ['broken escape in the text', '?q=%E0%A4%A', { query: '\uFFFD%A' }],
  ])('ignores %s', (_, search, expected) => {
    expect(parseFilterState(search, DEVICES)).toEqual(state(expected));
  });

  test('the first valid value of a repeated single-valued parameter counts', () => {
    expect(parseFilterState('?protocol=bogus&protocol=UDP&protocol=tcp', DEVICES).protocol).toBe('udp');
    expect(parseFilterState('?direction=inbound&direction=outbound', DEVICES).direction).toBe('inbound');
    expect(parseFilterState('?q=first&q=second', DEVICES).query).toBe('first');
  });

  test('tidies and caps the free text', () => {
    expect(parseFilterState('?q=%20%20sip%09%0A%20tls%20', DEVICES).query).toBe('sip tls');
    const long = 'x'.repeat(MAX_QUERY_LENGTH * 3);
    expect(parseFilterState(`?q=${long}`, DEVICES).query).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('serialiseFilterState', () => {
  test('writes devices as repeated parameters in a fixed order', () => {
    expect(
      serialiseFilterState(
        state({ devices: ['phone', 'web'], protocol: 'tcp', direction: 'outbound', query: 'sip tls' }),
        '',
      ),
    ).toBe('?device=phone&device=web&protocol=tcp&direction=outbound&q=sip+tls');
  });

  test('keeps parameters other features own, in their place', () => {
    expect(serialiseFilterState(state({ devices: ['phone'] }), '?fw=nftables&net=10.0.0.0%2F8')).toBe(
      '?fw=nftables&net=10.0.0.0%2F8&device=phone',
    );
  });

  test('replaces its own parameters, garbage included', () => {
    expect(
      serialiseFilterState(state({ protocol: 'udp' }), '?device=toaster&host=pbx&protocol=%E0%A4%A&q=old'),
    ).toBe('?host=pbx&protocol=udp');
  });

  test('a cleared filter leaves no query at all', () => {
    expect(serialiseFilterState(emptyFilter(), '?device=phone&q=sip')).toBe('');
    expect(serialiseFilterState(state({ query: '   ' }), '')).toBe('');
  });

  test.each([
    state({ devices: ['server', 'web'] }),
    state({ protocol: 'udp', direction: 'inbound' }),
    state({ query: '<script>alert(1)</script> & 5061' }),
    state({ devices: ['mobile'], protocol: 'tcp', direction: 'outbound', query: 'ümlaut ✓ 31000' }),
  ])('round-trips %j', (filter) => {
    expect(parseFilterState(serialiseFilterState(filter, '?server=acme'), DEVICES)).toEqual(filter);
  });
});

describe('isFilterActive and toggleDevice', () => {
  test('only a filter that hides something is active', () => {
    expect(isFilterActive(emptyFilter())).toBe(false);
    expect(isFilterActive(state({ query: '  ' }))).toBe(false);
    expect(isFilterActive(state({ devices: ['web'] }))).toBe(true);
    expect(isFilterActive(state({ protocol: 'tcp' }))).toBe(true);
    expect(isFilterActive(state({ direction: 'inbound' }))).toBe(true);
    expect(isFilterActive(state({ query: '80' }))).toBe(true);
  });

  test('switches a device on and off, keeping legend order', () => {
    const withWeb = toggleDevice(emptyFilter(), 'web', DEVICES);
    const withBoth = toggleDevice(withWeb, 'server', DEVICES);
    expect(withBoth.devices).toEqual(['server', 'web']);
    expect(toggleDevice(withBoth, 'web', DEVICES).devices).toEqual(['server']);
    expect(toggleDevice(emptyFilter(), 'toaster', DEVICES).devices).toEqual([]);
  });
});

describe('matching', () => {
  test('no filter matches every rule', () => {
    expect(visible(emptyFilter())).toHaveLength(CLOUD.length);
  });

  test('the IP phone needs exactly the four phone rules', () => {
    expect(visible(state({ devices: ['phone'] }))).toEqual([
      'sip-tls',
      'rtp-voice',
      'ldaps-phonebook',
      'phone-provisioning',
    ]);
  });

  test('a rule matches when it serves any selected device', () => {
    expect(visible(state({ devices: ['server', 'web'] }))).toEqual([
      'mypascom-services',
      'webrtc-webclient',
      'vpn-tunnel',
    ]);
  });

  test('protocol: a rule open for both protocols matches either', () => {
    expect(visible(state({ protocol: 'udp' }))).toEqual(['rtp-voice', 'webrtc-webclient']);
    expect(visible(state({ protocol: 'tcp' }))).not.toContain('rtp-voice');
    expect(visible(state({ protocol: 'tcp' }))).toContain('webrtc-webclient');
  });

  test('direction', () => {
    expect(visible(state({ direction: 'inbound' }))).toEqual(['vpn-tunnel']);
    expect(visible(state({ direction: 'outbound' }))).not.toContain('vpn-tunnel');
  });

  test.each([
    ['31000', ['rtp-voice']],
    ['30000', ['rtp-voice']],
    ['35000', ['rtp-voice']],
    ['35001', []],
    ['443', ['mypascom-services']],
    ['888', ['phone-provisioning', 'vpn-tunnel']],
    ['31000-31010', ['rtp-voice']],
    ['440-450', ['mypascom-services']],
    ['5061/tcp', ['sip-tls']],
    ['VOICEMAIL', ['mypascom-services']],
    ['phone', ['ldaps-phonebook', 'phone-provisioning']],
    ['sip tls', []],
    ['sip encrypted', ['sip-tls']],
    ['<script>', []],
  ])('free text %j', (query, expected) => {
    expect(visible(state({ query }))).toEqual(expected);
  });

  test('all parts of the filter must hold at once', () => {
    expect(visible(state({ devices: ['phone'], protocol: 'udp' }))).toEqual(['rtp-voice']);
    expect(visible(state({ devices: ['phone'], query: '31000', protocol: 'tcp' }))).toEqual([]);
    expect(matchesFilter(CLOUD[4]!, state({ devices: ['web'], protocol: 'tcp', query: 'fax 443' }))).toBe(
      true,
    );
  });

  test('query terms split on spaces, commas and slashes', () => {
    expect(queryTerms('  SIP/TLS,  5061 ')).toEqual(['sip', 'tls', '5061']);
    expect(queryTerms('')).toEqual([]);
  });
});

describe('counts', () => {
  test.each([
    [4, 9, 'Showing 4 of 9 rules', '(4 of 9 rules)'],
    [0, 9, 'Showing 0 of 9 rules', '(0 of 9 rules)'],
    [9, 9, 'Showing all 9 rules', '(9 rules)'],
    [1, 1, 'Showing the only rule', '(1 rule)'],
    [0, 1, 'Showing 0 of 1 rule', '(0 of 1 rule)'],
  ])('%i of %i', (shown, total, line, tab) => {
    expect(describeCount(UI_TEXTS_EN, shown, total)).toBe(line);
    expect(describeTabCount(UI_TEXTS_EN, shown, total)).toBe(tab);
  });

  test.each([
    [4, 9, '4 of 9 connections'],
    [0, 9, '0 of 9 connections'],
    [9, 9, '9 connections'],
    [1, 1, '1 connection'],
    [0, 1, '0 of 1 connection'],
  ])('diagram: %i of %i connections', (shown, total, text) => {
    expect(describeConnectionCount(UI_TEXTS_EN, shown, total)).toBe(text);
  });
});

describe('queryHasFilter', () => {
  test.each([
    ['', false],
    ['?fw=nftables&net=10.0.0.0%2F8', false],
    ['?device=phone', true],
    ['?q=', true],
    ['?protocol=bogus', true],
    ['?fw=ufw&direction=inbound', true],
  ])('%s: %s', (search, expected) => {
    expect(queryHasFilter(search)).toBe(expected);
  });
});
