import { expect, test } from 'vitest';
import { formatPorts } from '../../src/lib/port-data';

test('formats single ports, ranges and lists', () => {
  expect(formatPorts([{ from: 80, to: 80 }, { from: 443, to: 443 }])).toBe('80, 443');
  expect(formatPorts([{ from: 30000, to: 35000 }])).toBe('30000-35000');
});
