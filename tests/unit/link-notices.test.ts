import { describe, expect, test } from 'vitest';
import { formatError, UI_TEXTS_EN, type ValidationError } from '../../src/lib/texts';
import { ignoredFilterValues } from '../../src/lib/url/filter-state';
import {
  MAX_QUOTED_LENGTH,
  describeIgnoredFilter,
  describeUnknownPlatform,
  quoteValue,
} from '../../src/lib/url/notices';
import { MAX_FIELD_LENGTH } from '../../src/lib/url/params';
import { parseSnippetState, rejectedSnippetValues } from '../../src/lib/url/snippet-state';

const DEVICES = ['server', 'desktop', 'mobile', 'phone', 'web'];

describe('ignoredFilterValues', () => {
  test('a link the filter understands in full ignores nothing', () => {
    expect(ignoredFilterValues('?device=phone,web&protocol=udp&direction=inbound&q=rtp', DEVICES)).toEqual(
      [],
    );
    expect(ignoredFilterValues('', DEVICES)).toEqual([]);
    // Case and spaces are forgiven, as parseFilterState forgives them.
    expect(ignoredFilterValues('?device=%20Phone%20&protocol=UDP', DEVICES)).toEqual([]);
  });

  test('unknown devices, protocols and directions are listed in the order of the link', () => {
    expect(
      ignoredFilterValues('?device=phone,toaster&direction=sideways&protocol=sctp&device=fax', DEVICES),
    ).toEqual([
      { name: 'device', value: 'toaster' },
      { name: 'direction', value: 'sideways' },
      { name: 'protocol', value: 'sctp' },
      { name: 'device', value: 'fax' },
    ]);
  });

  test('of a single-valued parameter given twice, the values after the one used are listed', () => {
    expect(ignoredFilterValues('?direction=up&direction=inbound&direction=outbound', DEVICES)).toEqual([
      { name: 'direction', value: 'up' },
      { name: 'direction', value: 'outbound' },
    ]);
  });

  test('empty values, free text and parameters of other features are not listed', () => {
    expect(ignoredFilterValues('?device=&device=,&q=%3Cb%3E&fw=pf&host=pbx', DEVICES)).toEqual([]);
  });

  test('garbled escapes are listed as the browser decodes them, and never throw', () => {
    expect(ignoredFilterValues('?protocol=%E0%A4%A', DEVICES)).toEqual([
      { name: 'protocol', value: '\uFFFD%A' },
    ]);
  });
});

describe('describeIgnoredFilter', () => {
  test('says nothing when nothing was ignored', () => {
    expect(describeIgnoredFilter(UI_TEXTS_EN, [])).toBe('');
  });

  test('names one value, or lists several', () => {
    expect(describeIgnoredFilter(UI_TEXTS_EN, [{ name: 'device', value: 'toaster' }])).toBe(
      'This link’s filter has a value the page does not know, so it is ignored: device “toaster”.',
    );
    expect(
      describeIgnoredFilter(UI_TEXTS_EN, [
        { name: 'device', value: 'toaster' },
        { name: 'direction', value: 'sideways' },
        { name: 'protocol', value: 'sctp' },
      ]),
    ).toBe(
      'This link’s filter has values the page does not know, so they are ignored: device “toaster”, direction “sideways” and protocol “sctp”.',
    );
  });
});

describe('quoteValue', () => {
  test('quotes text as it is, markup included (it is only ever set as text)', () => {
    expect(quoteValue('<img src=x>')).toBe('“<img src=x>”');
  });

  test('cuts long values and writes out invisible characters', () => {
    const quoted = quoteValue('a'.repeat(500));
    expect(quoted).toHaveLength(MAX_QUOTED_LENGTH + 2);
    expect(quoted.endsWith('…”')).toBe(true);
    expect(quoteValue('a\u0000b\u202Ec\u2028d\u2066')).toBe('“a[U+0000]b[U+202E]c[U+2028]d[U+2066]”');
    expect(quoteValue('🙂'.repeat(100))).toBe(`“${'🙂'.repeat(MAX_QUOTED_LENGTH - 1)}…”`);
  });
});

/** The errors of a link's rejected values, written as an English page shows them. */
function inEnglish(errors: Partial<Record<string, ValidationError>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([field, error]) =>
      error ? [[field, formatError(UI_TEXTS_EN, error)]] : [],
    ),
  );
}

describe('rejectedSnippetValues', () => {
  test('a link with a known platform and valid settings rejects nothing', () => {
    expect(rejectedSnippetValues('?fw=pf&net=10.1.0.0%2F16&server=10.1.0.5')).toEqual({
      form: {},
      errors: {},
    });
    expect(rejectedSnippetValues('?fw=')).toEqual({ form: {}, errors: {} });
  });

  test('an unknown platform and invalid settings come back as the link gave them', () => {
    const rejected = rejectedSnippetValues('?fw=mikrotik&net=10.0.0.0%2F33&server=%2010.1.0.5%20&host=a%20b');
    expect({ ...rejected, errors: inEnglish(rejected.errors) }).toEqual({
      platform: 'mikrotik',
      form: { net: '10.0.0.0/33', host: 'a b' },
      errors: {
        net: 'an IPv4 prefix is at most /32',
        host: 'must be a hostname of letters, digits and hyphens, such as acme.pascom.cloud',
      },
    });
  });

  test.each([
    ['server', '10.0.0.1%0A0', '10.0.0.1[U+000A]0', /^has a line break \(U\+000A\) after character 8/],
    [
      'server',
      '10.0.0.1%0D%0A2001:db8::1',
      '10.0.0.1[U+000D][U+000A]2001:db8::1',
      /^has a line break \(U\+000D\)/,
    ],
    ['in', 'eth0%0Areboot', 'eth0[U+000A]reboot', /^has a line break/],
    [
      'net',
      '10.0.0.0%2F8%E2%80%A82001:db8::%2F32',
      '10.0.0.0/8[U+2028]2001:db8::/32',
      /^has a line break \(U\+2028\)/,
    ],
    ['host', 'acme%E2%80%AEduolc', 'acme[U+202E]duolc', /^has an invisible control character \(U\+202E\)/],
  ] as const)(
    'a link value %s=%s that a browser would join or reorder is rejected as given',
    (field, raw, shown, error) => {
      const rejected = rejectedSnippetValues(`?${field}=${raw}`);
      expect(rejected.form).toEqual({ [field]: shown });
      expect(inEnglish(rejected.errors)[field]).toMatch(error);
      expect(parseSnippetState(`?${field}=${raw}`, null).form).toEqual({});
    },
  );

  test('a value longer than any real setting is cut just past the limit, so its field says so', () => {
    const rejected = rejectedSnippetValues(`?net=${'1'.repeat(5000)}`);
    expect(rejected.form.net).toHaveLength(MAX_FIELD_LENGTH + 1);
  });
});

describe('describeUnknownPlatform', () => {
  test('names the platform asked for and the one shown', () => {
    expect(describeUnknownPlatform(UI_TEXTS_EN, 'mikrotik', 'nftables')).toBe(
      'This link asks for the firewall platform “mikrotik”, which is not on the list, so the rules are for nftables. Pick yours above.',
    );
  });

  test('with no platform chosen, asks the reader to choose instead of naming one', () => {
    expect(describeUnknownPlatform(UI_TEXTS_EN, 'mikrotik', undefined)).toBe(
      'This link asks for the firewall platform “mikrotik”, which is not on the list. Choose yours above.',
    );
  });
});
