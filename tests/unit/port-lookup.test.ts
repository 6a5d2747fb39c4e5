import { describe, expect, test } from 'vitest';
import { askedPort, nearestListedPort, rulesWithPort } from '../../src/lib/port-lookup';
import { loadContent } from './helpers/load-content';

const rules = loadContent('content').rules;

describe('a search for one port', () => {
  test.each([
    ['31000', 31000],
    ['Port 31000', 31000],
    ['31000/udp', 31000],
    ['udp 31000', 31000],
    [' 5060 ', 5060],
  ])('"%s" asks about port %s', (query, port) => {
    expect(askedPort(query)).toBe(port);
  });

  test.each(['', 'voicemail', '80 443', '30000-35000', '70000', '0', 'sip 5061', '31000x'])(
    '"%s" is not a question about one port',
    (query) => {
      expect(askedPort(query)).toBeUndefined();
    },
  );

  test('finds a port inside a range: 31000 is RTP voice', () => {
    expect(rulesWithPort(rules, 31000).map((rule) => rule.id)).toEqual(['rtp-voice']);
    expect(rulesWithPort(rules, 5061).map((rule) => rule.id)).toEqual(['sip-tls']);
    expect(rulesWithPort(rules, 5060)).toEqual([]);
  });

  test('names the nearest listed port for one no rule lists: 5060 is next to 5061', () => {
    expect(nearestListedPort(rules, 5060)).toMatchObject({ port: 5061, rule: { id: 'sip-tls' } });
    // Just outside a range, the range's end is the nearest port.
    expect(nearestListedPort(rules, 35001)).toMatchObject({ port: 35000, rule: { id: 'rtp-voice' } });
    // Of two equally near, the lower port.
    const even = [
      { id: 'low', ports: [{ from: 10, to: 10 }] },
      { id: 'high', ports: [{ from: 20, to: 20 }] },
    ];
    expect(nearestListedPort(even, 15)).toEqual({ port: 10, rule: even[0] });
    expect(nearestListedPort([], 15)).toBeUndefined();
  });
});
