/**
 * The README's table of address parameters is made from the registry in
 * src/lib/url/params.ts, so it lists exactly what the site reads. After changing
 * the registry, rewrite it with: UPDATE_README=1 npx vitest run tests/unit/readme-params.test.ts
 */
import { expect, test } from 'vitest';
import { expectReadmeSection } from './helpers/readme-section';
import { paramsTable, URL_PARAMS } from '../../src/lib/url/params';

test("the README's table of address parameters matches the registry", () => {
  expectReadmeSection('url-params', paramsTable());
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
