import { describe, expect, test } from 'vitest';
import { formatPortList, formatPortRange, parsePortList, parsePortRange } from '../../src/lib/ports';

describe('parsePortRange', () => {
  test.each([
    [5061, { from: 5061, to: 5061 }],
    ['5061', { from: 5061, to: 5061 }],
    ['30000-35000', { from: 30000, to: 35000 }],
    [' 30000 - 35000 ', { from: 30000, to: 35000 }],
  ])('reads %j', (value, expected) => {
    expect(parsePortRange(value)).toEqual(expected);
  });

  test.each([
    [0, 'port 0 is outside the valid port range 1-65535'],
    [65536, 'port 65536 is outside the valid port range 1-65535'],
    [5.5, 'port 5.5 is outside the valid port range 1-65535'],
    ['70000', 'port 70000 is outside the valid port range 1-65535'],
    ['1-70000', 'port 70000 is outside the valid port range 1-65535'],
    ['35000-30000', 'range "35000-30000" is reversed or empty: the first port must be lower than the second'],
    ['5061-5061', 'range "5061-5061" is reversed or empty: the first port must be lower than the second'],
    ['sip', '"sip" is not a port or a range; write 5061 or "30000-35000"'],
    ['80,443', '"80,443" is not a port or a range; write 5061 or "30000-35000"'],
  ])('refuses %j with a message', (value, message) => {
    expect(parsePortRange(value)).toEqual({ error: message });
  });
});

describe('formatting', () => {
  test('ports are written as single ports, ranges and lists', () => {
    expect(
      formatPortList([
        { from: 80, to: 80 },
        { from: 443, to: 443 },
      ]),
    ).toBe('80, 443');
    expect(formatPortList([{ from: 30000, to: 35000 }])).toBe('30000-35000');
  });

  test('firewalls that write ranges with a colon pass their separator', () => {
    expect(formatPortRange({ from: 30000, to: 35000 }, ':')).toBe('30000:35000');
    expect(formatPortRange({ from: 5061, to: 5061 }, ':')).toBe('5061');
    expect(
      formatPortList(
        [
          { from: 80, to: 80 },
          { from: 30000, to: 35000 },
        ],
        ' ',
      ),
    ).toBe('80 30000-35000');
  });

  test('what is written is read back', () => {
    const ports = [
      { from: 80, to: 80 },
      { from: 30000, to: 35000 },
    ];
    expect(parsePortList(formatPortList(ports))).toEqual(ports);
    for (const range of ports) expect(parsePortRange(formatPortRange(range))).toEqual(range);
  });
});

describe('parsePortList', () => {
  test.each([
    ['5061', [{ from: 5061, to: 5061 }]],
    ['30000-35000', [{ from: 30000, to: 35000 }]],
    [
      '80 443',
      [
        { from: 80, to: 80 },
        { from: 443, to: 443 },
      ],
    ],
    [
      '80, 443',
      [
        { from: 80, to: 80 },
        { from: 443, to: 443 },
      ],
    ],
    ['', []],
    ['any', []],
  ])('reads %j', (text, expected) => {
    expect(parsePortList(text)).toEqual(expected);
  });
});
