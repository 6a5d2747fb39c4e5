import { expect, test } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../scripts/headers-file.mjs';

const values = (rules: ReturnType<typeof parseHeadersFile>, path: string) =>
  Object.fromEntries([...headersForPath(rules, path).values()].map(({ name, value }) => [name, value]));

test('a splat matches any path below, a placeholder one segment', () => {
  const rules = parseHeadersFile(
    ['# comment', '/*', '  X-Frame-Options: DENY', '/rules/:id/', '  X-Robots-Tag: noindex', ''].join('\n'),
  );
  expect(values(rules, '/')).toEqual({ 'X-Frame-Options': 'DENY' });
  expect(values(rules, '/rules/sip-tls/')).toEqual({ 'X-Frame-Options': 'DENY', 'X-Robots-Tag': 'noindex' });
  expect(values(rules, '/rules/a/b/')).toEqual({ 'X-Frame-Options': 'DENY' });
});

test('a header set by several matching rules gets their values joined, in file order', () => {
  const rules = parseHeadersFile(
    '/*\n  Cache-Control: no-cache\n/ports.csv\n  cache-control: no-transform\n',
  );
  expect(values(rules, '/ports.csv')).toEqual({ 'Cache-Control': 'no-cache, no-transform' });
});

test('dots and other regular-expression characters in a pattern match only themselves', () => {
  const rules = parseHeadersFile('/ports.csv\n  X-A: 1\n');
  expect(values(rules, '/ports.csv')).toEqual({ 'X-A': '1' });
  expect(values(rules, '/portsXcsv')).toEqual({});
});

test('lines that are neither pattern nor header are named with their line', () => {
  expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(
    '_headers line 1: the header "X-A: 1" comes before any path pattern',
  );
  expect(() => parseHeadersFile('ports.csv\n')).toThrow('_headers line 1: "ports.csv" is not a path pattern');
  expect(() => parseHeadersFile('/*\n  X-A:\n')).toThrow(
    '_headers line 2: "X-A:" is not a "Name: value" header line',
  );
});
