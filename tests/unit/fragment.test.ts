import { describe, expect, test } from 'vitest';
import { tabFragment } from '../../src/lib/url/link-scheme';
import type { LinkIndex } from '../../src/lib/url/link-index';
import { missingFragment, parseFragment } from '../../src/lib/url/fragment';

test.each([
  ['#cloud', { deployment: 'cloud' }],
  ['#onsite', { deployment: 'onsite' }],
  ['#onsite-ntp-time', { deployment: 'onsite', anchor: 'onsite-ntp-time' }],
  ['#cloud-sip-tls', { deployment: 'cloud', anchor: 'cloud-sip-tls' }],
])('%s selects a tab', (hash, expected) => {
  expect(parseFragment(hash)).toEqual(expected);
});

test.each(['', '#', '#Cloud', '#legend-heading', '#onsite-', '#%E0%A4%A', '#moon'])(
  '%s selects nothing',
  (hash) => {
    expect(parseFragment(hash)).toBeUndefined();
  },
);

test('a tab links to its own fragment', () => {
  expect(tabFragment('onsite')).toBe('#onsite');
  expect(parseFragment(tabFragment('onsite'))).toEqual({ deployment: 'onsite' });
});

describe('missingFragment', () => {
  const index = {
    rules: { 'sip-tls': ['cloud', 'onsite'], 'ntp-time': ['onsite'] },
    aliases: { 'time-server': 'ntp-time' },
  } satisfies LinkIndex;
  const ids = new Set([
    'cloud',
    'onsite',
    'cloud-sip-tls',
    'onsite-sip-tls',
    'onsite-ntp-time',
    'legend-heading',
  ]);
  const exists = (id: string) => ids.has(id);

  test('fragments that lead somewhere are not missing', () => {
    for (const hash of [
      '',
      '#',
      '#cloud',
      '#onsite-ntp-time',
      '#sip-tls',
      '#time-server',
      '#onsite-time-server',
      '#legend-heading',
    ]) {
      expect(missingFragment(hash, exists, index), hash).toBeUndefined();
    }
  });

  test('a removed rule, in a tab or bare, is missing', () => {
    expect(missingFragment('#cloud-fax-relay', exists, index)).toBe('cloud-fax-relay');
    expect(missingFragment('#fax-relay', exists, index)).toBe('fax-relay');
    // A rule in the other tab only: its row there does not exist.
    expect(missingFragment('#cloud-ntp-time', exists, index)).toBeUndefined();
  });

  test('it is decoded, and a broken escape is quoted as given', () => {
    expect(missingFragment('#caf%C3%A9', exists, index)).toBe('café');
    expect(missingFragment('#%E0%A4%A', exists, index)).toBe('%E0%A4%A');
  });

  test('without the link index, plain row anchors still count', () => {
    expect(missingFragment('#onsite-ntp-time', exists)).toBeUndefined();
    expect(missingFragment('#onsite-fax-relay', exists)).toBe('onsite-fax-relay');
  });
});
