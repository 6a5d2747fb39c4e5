/**
 * Keeps the layers of the code (tests/unit/helpers/layering.ts): each folder of
 * src/lib imports only from the floors below it, the browser's code never
 * reaches build-only modules, and src/lib holds no test tooling.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkLayering,
  importSpecifiers,
  importStatements,
  layerOf,
  readCode,
  resolveSpecifier,
  unusedLibFiles,
  type ImportEdge,
} from './helpers/layering';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).replaceAll('\\', '/'));
}

function edgesOf(files: readonly string[]): ImportEdge[] {
  return files.flatMap((from) =>
    importStatements(readCode(from)).map(({ specifier, typeOnly }) => ({
      from,
      specifier,
      typeOnly,
      to: resolveSpecifier(from, specifier, existsSync),
    })),
  );
}

const siteFiles = [...filesUnder('src'), 'astro.config.mjs'];
const edges = edgesOf([...siteFiles, ...filesUnder('tests/unit'), ...filesUnder('scripts')]);
const browserEntries = filesUnder('src/client');

describe('the layers of the code', () => {
  test('every file of src/lib and src/client belongs to a layer', () => {
    const loose = siteFiles.filter(
      (file) => (file.startsWith('src/lib/') || file.startsWith('src/client/')) && !layerOf(file),
    );
    expect(loose).toEqual([]);
  });

  test('no import runs upward, and the browser never reaches build-only code', () => {
    const problems = checkLayering(edges, browserEntries).map(
      ({ from, specifier, rule }) => `${from}: "${specifier}": ${rule}`,
    );
    expect(problems).toEqual([]);
  });

  test('every module in src/lib is used by the site, not only by tests', () => {
    const libFiles = siteFiles.filter((file) => file.startsWith('src/lib/'));
    expect(unusedLibFiles(edges, libFiles)).toEqual([]);
  });

  test('the browser code this test follows is really there', () => {
    // Guards against a change of folder that would leave the browser rule checking nothing.
    expect(browserEntries.length).toBeGreaterThan(3);
    expect(edges.filter((edge) => edge.from.startsWith('src/client/')).length).toBeGreaterThan(10);
  });
});

describe('the checker finds planted faults', () => {
  const edge = (from: string, specifier: string, to?: string): ImportEdge => ({ from, specifier, to });

  test('an upward import', () => {
    const problems = checkLayering(
      [edge('src/lib/firewall/pf.ts', '../url/params', 'src/lib/url/params.ts')],
      [],
    );
    expect(problems.map((problem) => problem.rule)).toEqual([
      'firewall (floor 3) imports upward from url (floor 4)',
    ]);
  });

  test('a schema importing the model', () => {
    const problems = checkLayering([edge('src/schemas/device.ts', '../lib/model', 'src/lib/model.ts')], []);
    expect(problems).toHaveLength(1);
  });

  test('browser code reaching a build-only layer through a browser-safe module', () => {
    const problems = checkLayering(
      [
        edge('src/client/tabs.ts', '../lib/url/fragment', 'src/lib/url/fragment.ts'),
        edge('src/lib/url/fragment.ts', '../content/port-data', 'src/lib/content/port-data.ts'),
      ],
      ['src/client/tabs.ts'],
    );
    expect(problems.map((problem) => problem.rule)).toContain(
      'browser code reaches the build-only content layer',
    );
  });

  test('browser code importing a Node built-in', () => {
    const problems = checkLayering([edge('src/client/tabs.ts', 'node:fs')], ['src/client/tabs.ts']);
    expect(problems.map((problem) => problem.rule)).toEqual([
      'browser code reaches a Node or Astro build-time module',
    ]);
  });

  test('site code importing test tooling', () => {
    const problems = checkLayering(
      [edge('src/lib/url/params.ts', '../../../tests/unit/helpers/x', 'tests/unit/helpers/x.ts')],
      [],
    );
    expect(problems.map((problem) => problem.rule)).toEqual(['site code imports test or script code']);
  });

  test('a src/lib module only tests import', () => {
    const edges = [edge('tests/unit/a.test.ts', '../../src/lib/url/x', 'src/lib/url/x.ts')];
    expect(unusedLibFiles(edges, ['src/lib/url/x.ts'])).toEqual(['src/lib/url/x.ts']);
  });

  test('a type-only import does not reach the browser', () => {
    const problems = checkLayering(
      [
        {
          from: 'src/client/tabs.ts',
          specifier: '../lib/model',
          to: 'src/lib/content/port-data.ts',
          typeOnly: true,
        },
      ],
      ['src/client/tabs.ts'],
    );
    expect(problems).toEqual([]);
    expect(
      importStatements("import { type A, type B } from './a';\nimport { type C, d } from './c';"),
    ).toEqual([
      { specifier: './a', typeOnly: true },
      { specifier: './c', typeOnly: false },
    ]);
  });

  test('import forms the reader understands', () => {
    const source = [
      "import a from './a';",
      "import type { B } from './b';",
      "import './c';",
      "export { d } from './d';",
      "const e = () => import('./e');",
      "import {\n  f,\n  g,\n} from './f';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a', './b', './c', './d', './e', './f']);
  });
});
