import { expect, test } from 'vitest';
import { tabFragment } from '../../src/lib/link-scheme';
import { parseFragment } from '../../src/lib/tab-state';
import { formatPorts } from '../../src/lib/port-data';

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

test('ports are written as single ports, ranges and lists', () => {
  expect(
    formatPorts([
      { from: 80, to: 80 },
      { from: 443, to: 443 },
    ]),
  ).toBe('80, 443');
  expect(formatPorts([{ from: 30000, to: 35000 }])).toBe('30000-35000');
});
