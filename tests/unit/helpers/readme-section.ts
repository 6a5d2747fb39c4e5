import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Checks that the README's generated section `name` (between
 * `<!-- name:start -->` and `<!-- name:end -->`) holds exactly `text`. With
 * UPDATE_README=1 it rewrites the section instead, so the README is regenerated
 * by running the test.
 */
export function expectReadmeSection(name: string, text: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  expect(from, `README.md needs ${start} … ${end}`).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const current = readme.slice(from + start.length, to).trim();
  if (process.env.UPDATE_README === '1' && current !== text) {
    writeFileSync('README.md', `${readme.slice(0, from + start.length)}\n${text}\n${readme.slice(to)}`);
    return;
  }
  expect(current).toBe(text);
}
