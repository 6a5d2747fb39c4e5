import { describe, expect, test } from 'vitest';
import { buildLinkIndex, linkFragments, resolveFragment, type LinkIndex } from '../../src/lib/url/link-index';
import { parseFragment } from '../../src/lib/url/fragment';
import { loadContent } from './helpers/load-content';

const index: LinkIndex = {
  rules: { 'sip-tls': ['cloud', 'onsite'], 'ntp-time': ['onsite'] },
  aliases: { 'sip-old': 'sip-tls', 'time-old': 'ntp-time' },
};

describe('resolving a fragment on the overview', () => {
  test.each([
    ['a tab', 'onsite', { deployment: 'onsite' }],
    ['a row', 'onsite-sip-tls', { deployment: 'onsite', anchor: 'onsite-sip-tls', ruleId: 'sip-tls' }],
    [
      'a bare rule id (first row)',
      'sip-tls',
      { deployment: 'cloud', anchor: 'cloud-sip-tls', ruleId: 'sip-tls' },
    ],
    [
      'a rule only in Onsite',
      'ntp-time',
      { deployment: 'onsite', anchor: 'onsite-ntp-time', ruleId: 'ntp-time' },
    ],
    ['an old id', 'time-old', { deployment: 'onsite', anchor: 'onsite-ntp-time', ruleId: 'ntp-time' }],
    [
      'a tab plus an old id',
      'onsite-sip-old',
      { deployment: 'onsite', anchor: 'onsite-sip-tls', ruleId: 'sip-tls' },
    ],
    [
      'a tab the rule is not in',
      'cloud-ntp-time',
      { deployment: 'onsite', anchor: 'onsite-ntp-time', ruleId: 'ntp-time' },
    ],
    [
      'another element in a tab',
      'onsite-server-heading',
      { deployment: 'onsite', anchor: 'onsite-server-heading' },
    ],
    [
      'a tab plus a built-in property name',
      'cloud-constructor',
      { deployment: 'cloud', anchor: 'cloud-constructor' },
    ],
  ])('%s', (_what, fragment, expected) => {
    expect(resolveFragment(fragment, index)).toEqual(expected);
  });

  test.each(['', 'footnote-pascom-cloud', 'no-such-rule', 'cloud-', '__proto__', 'constructor'])(
    'leaves "%s" to the browser',
    (fragment) => {
      expect(resolveFragment(fragment, index)).toBeUndefined();
    },
  );

  test('parseFragment decodes the hash and uses the index when the page has one', () => {
    expect(parseFragment('#ntp-time', index)).toEqual({
      deployment: 'onsite',
      anchor: 'onsite-ntp-time',
      ruleId: 'ntp-time',
    });
    expect(parseFragment('#onsite%2Dsip-tls', index)?.anchor).toBe('onsite-sip-tls');
    expect(parseFragment('#%E0%A4%A', index)).toBeUndefined();
  });

  test('without an index, parseFragment still finds tabs and rows', () => {
    expect(parseFragment('#onsite')).toEqual({ deployment: 'onsite' });
    expect(parseFragment('#cloud-sip-tls')).toEqual({ deployment: 'cloud', anchor: 'cloud-sip-tls' });
    expect(parseFragment('#ntp-time')).toBeUndefined();
  });
});

describe('the embedded link index', () => {
  test('lists every fragment that leads to a tab or a row', () => {
    expect(linkFragments(index).sort()).toEqual(
      [
        'cloud',
        'onsite',
        'cloud-sip-tls',
        'onsite-sip-tls',
        'sip-tls',
        'onsite-ntp-time',
        'ntp-time',
        'sip-old',
        'cloud-sip-old',
        'onsite-sip-old',
        'time-old',
        'onsite-time-old',
      ].sort(),
    );
  });

  test('is built from the real content with every rule in its tabs', () => {
    const built = buildLinkIndex(loadContent('content'));
    expect(built.rules['ntp-time']).toEqual(['onsite']);
    expect(built.rules['sip-tls']).toEqual(['cloud', 'onsite']);
  });
});
