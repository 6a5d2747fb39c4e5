import { describe, expect, test } from 'vitest';
import { parseIpAddress, parseNetwork } from '../../src/lib/firewall/ip';
import { parseSettings } from '../../src/lib/firewall/settings';
import { settingsFormFromParams, serialiseSettings } from '../../src/lib/url/snippet-state';
import { safeText, shellQuote, powershellQuote } from '../../src/lib/firewall/text';
import { formatError, UI_TEXTS_EN, type ValidationError } from '../../src/lib/texts';

/** An error as an English page writes it. */
const inEnglish = (error: ValidationError | undefined) =>
  error === undefined ? undefined : formatError(UI_TEXTS_EN, error);

describe('parseSettings', () => {
  test('empty form gives default settings', () => {
    expect(parseSettings({})).toEqual({ ok: true, settings: {} });
  });

  test('accepts and normalises every field', () => {
    const result = parseSettings({
      net: ' 10.1.0.0/16 , 2001:DB8:100:0::/48 ',
      host: 'ACME',
      server: '10.1.0.5 2001:db8:100::5',
      in: 'lan0',
      out: 'ether1',
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        network4: { family: 4, cidr: '10.1.0.0/16', address: '10.1.0.0', prefix: 16 },
        network6: { family: 6, cidr: '2001:db8:100::/48', address: '2001:db8:100::', prefix: 48 },
        instanceHost: 'acme.pascom.cloud',
        server4: '10.1.0.5',
        server6: '2001:db8:100::5',
        inside: 'lan0',
        outside: 'ether1',
      },
    });
  });

  test.each([
    ['net', '10.1.0.5/16', 'host bits set; did you mean 10.1.0.0/16?'],
    ['net', '10.0.0.0/8, 192.168.0.0/16', 'at most one IPv4 network'],
    ['net', '300.1.1.1/8', 'is not an IPv4 or IPv6 address'],
    ['host', 'acme.example.com', 'under pascom.cloud'],
    ['host', 'ac_me', 'letters, digits and hyphens'],
    ['server', 'pbx.example.com', 'not an IPv4 or IPv6 address'],
    ['server', '10.1.0.5/32', 'not an IPv4 or IPv6 address'],
    ['in', 'eth0; reboot', 'must start with a letter or digit'],
  ] as const)('%s = %j is refused with a clear message', (field, value, message) => {
    const result = parseSettings({ [field]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(inEnglish(result.errors[field])).toContain(message);
      expect(Object.keys(result.errors)).toEqual([field]);
    }
  });

  const hostile = ['a"b', "a'b", 'a\nb', 'a;b', '$(reboot)', '`id`', 'x</descr>'];
  test.each(SETTING_FIELDS_UNDER_TEST())('hostile input in %s never validates', (field) => {
    for (const value of hostile) expect(parseSettings({ [field]: value }).ok).toBe(false);
  });
});

function SETTING_FIELDS_UNDER_TEST() {
  return ['net', 'host', 'server', 'in', 'out'] as const;
}

describe('invisible characters in a value', () => {
  // Bidirectional controls, line breaks and zero-width characters a crafted link could carry.
  const invisible = [
    '\u202E',
    '\u202D',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200F',
    '\u061C',
    '\u200B',
    '\u0000',
    '\n',
    '\u2028',
  ];
  test.each(SETTING_FIELDS_UNDER_TEST())(
    '%s: every error reads as plain text and names the character',
    (field) => {
      const base = { net: '10.0.0.0/8', host: 'acme', server: '10.0.0.5', in: 'lan', out: 'wan' }[field];
      for (const character of invisible) {
        for (const value of [`${base}${character}x`, `x${character}${base}`, `1.2.3.4${character}/33`]) {
          const result = parseSettings({ [field]: value });
          expect(result.ok, JSON.stringify(value)).toBe(false);
          if (result.ok) continue;
          const error = inEnglish(result.errors[field])!;
          expect(error).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
          expect(error).toContain(
            `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
          );
        }
      }
    },
  );
  test('a quoted address writes out what cannot be seen', () => {
    const result = parseNetwork('10.0.0.1\u202E8/0');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(inEnglish(result.error)).toBe('"10.0.0.1[U+202E]8" is not an IPv4 or IPv6 address');
  });
});

describe('URL parameters', () => {
  test('round-trip and drop empty fields', () => {
    const params = new URLSearchParams('fw=nftables&net=old');
    serialiseSettings(params, { net: '10.0.0.0/8', host: '', server: '10.0.0.5' });
    expect(params.toString()).toBe('fw=nftables&net=10.0.0.0%2F8&server=10.0.0.5');
    expect(settingsFormFromParams(params)).toEqual({ net: '10.0.0.0/8', server: '10.0.0.5' });
  });
});

describe('ip', () => {
  test.each([
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['::', '::'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['fe80:0:0:1::', 'fe80:0:0:1::'],
  ])('%s is written as %s', (input, canonical) => {
    expect(parseIpAddress(input)?.address).toBe(canonical);
  });
  test.each(['1.2.3', '01.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', ''])(
    '%j is not an address',
    (input) => {
      expect(parseIpAddress(input)).toBeUndefined();
    },
  );
  test.each([
    '1.2.3.4::',
    '1.2.3.4::/64',
    '::1.2.3.4:1',
    '1.2.3.4:1::',
    '1:2:3:4:5:6:7:1.2.3.4',
    '::ffff:1.2.3',
    '::ffff:01.2.3.4',
    '1:2:3:4:5:6:1.2.3.4:8',
    ':1::',
    '1::2:',
    '1:::2',
    '1:2:3:4:5:6:7:8::',
  ])('%j is refused as an IPv6 address and network', (input) => {
    expect(parseIpAddress(input.replace(/\/.*/, ''))).toBeUndefined();
    expect(parseNetwork(input).ok).toBe(false);
  });
  test.each([
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['::1.2.3.4', '::102:304'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ])('an IPv4 address in the last 32 bits is accepted: %s is %s', (input, canonical) => {
    expect(parseIpAddress(input)?.address).toBe(canonical);
  });
  test('"1.2.3.4::" as your network is an error, not an IPv6 network that silently drops every IPv4 rule', () => {
    const result = parseSettings({ net: '1.2.3.4::' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual(['net']);
      expect(inEnglish(result.errors.net)).toBe('"1.2.3.4::" is not an IPv4 or IPv6 address');
    }
  });
  test('a bare address is a host network', () => {
    expect(parseNetwork('192.0.2.1')).toEqual({
      ok: true,
      network: { family: 4, cidr: '192.0.2.1/32', address: '192.0.2.1', prefix: 32 },
    });
  });
});

describe('text escaping', () => {
  test('safeText keeps one harmless line', () => {
    expect(safeText('a "b"\n$(c) `d` <e>')).toBe('a b (c) d e');
  });
  test('shell and PowerShell quoting escape their quote', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(powershellQuote("it's")).toBe(`'it''s'`);
  });
});

describe('a network of every address', () => {
  test.each(['0.0.0.0/0', '::/0'])('%s is refused with a hint to leave the field empty', (net) => {
    const result = parseSettings({ net });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(inEnglish(result.errors.net)).toContain('leave the field empty');
  });
});
