/**
 * The README's table of address parameters is made from the registry in
 * src/lib/url/params.ts, so it lists exactly what the site reads. After changing
 * the registry, rewrite it with: UPDATE_README=1 npx vitest run tests/unit/readme-params.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { paramsTable, URL_PARAMS } from '../../src/lib/url/params';

const START = '<!-- url-params:start -->';
const END = '<!-- url-params:end -->';

test("the README's table of address parameters matches the registry", () => {
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  expect(from, `README.md needs ${START} … ${END}`).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const table = paramsTable();
  const current = readme.slice(from + START.length, to).trim();
  if (process.env.UPDATE_README === '1' && current !== table) {
    writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${table}\n${readme.slice(to)}`);
    return;
  }
  expect(current).toBe(table);
});

test('a parameter missing from the registry would show as a difference', () => {
  // Planted fault: the table without the platform parameter is not the README's table.
  const withoutPlatform = paramsTable(URL_PARAMS.filter((param) => param.name !== 'fw'));
  expect(withoutPlatform).not.toBe(paramsTable());
  expect(withoutPlatform).not.toContain('`fw`');
});

test('every parameter name is used once', () => {
  const names = URL_PARAMS.map((param) => param.name);
  expect(new Set(names).size).toBe(names.length);
});
