import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  filterUrl,
  rowUrl,
  rulePageUrl,
  ruleRowUrl,
  snippetUrl,
  tabUrl,
} from '../../src/lib/url/link-scheme';

describe('the public URL scheme', () => {
  test.each([
    ['a tab', tabUrl('onsite'), '/#onsite'],
    ['a row', rowUrl('cloud', 'sip-tls'), '/#cloud-sip-tls'],
    ["a rule's first row", ruleRowUrl('ntp-time'), '/#ntp-time'],
    ['a rule page', rulePageUrl('ntp-time'), '/rules/ntp-time/'],
    ['a snippet', snippetUrl('onsite', 'nftables'), '/snippets/onsite/nftables.txt'],
    ['an unfiltered view', filterUrl({}), '/'],
    [
      'a filtered view',
      filterUrl({
        deployment: 'cloud',
        devices: ['phone', 'mobile'],
        protocols: ['udp'],
        direction: 'outbound',
        query: ' sip ',
      }),
      '/?device=phone&device=mobile&protocol=udp&direction=outbound&q=sip#cloud',
    ],
    ['a search with spaces', filterUrl({ query: 'voice mail' }), '/?q=voice+mail'],
  ])('links to %s', (_what, actual, expected) => {
    expect(actual).toBe(expected);
  });

  test('makes addresses absolute for copying and meta tags', () => {
    expect(absoluteUrl(rowUrl('cloud', 'sip-tls'), 'https://ports.pascom.example')).toBe(
      'https://ports.pascom.example/#cloud-sip-tls',
    );
  });
});
