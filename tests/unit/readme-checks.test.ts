/**
 * The README's "How each platform's output is checked" table is made from the
 * checks in tests/snippet-checks, so it says exactly what runs. After changing a
 * check, rewrite it with: UPDATE_README=1 npx vitest run tests/unit/readme-checks.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CHECKS } from '../snippet-checks';
import { checkTable } from '../snippet-checks/readme-table';

const START = '<!-- snippet-checks:start -->';
const END = '<!-- snippet-checks:end -->';

test("the README's table of snippet checks matches the checks", () => {
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  expect(from, `README.md needs ${START} … ${END}`).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const table = checkTable(CHECKS);
  const current = readme.slice(from + START.length, to).trim();
  if (process.env.UPDATE_README === '1' && current !== table) {
    writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${table}\n${readme.slice(to)}`);
    return;
  }
  expect(current).toBe(table);
});
