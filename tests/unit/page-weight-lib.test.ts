import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pageResources, staticImports, transferSize } from './helpers/page-weight';

test('static imports are found in minified and spaced code; dynamic imports are not', () => {
  const code = [
    'import{a as b,c}from"./one.js";',
    'import "./two.js";',
    "import * as ns from '../three.js'",
    'export*from"./four.js";export{d}from"/five.js";',
    'const lazy=()=>import("./lazy.js");',
    'import{x}from"some-package";',
    'const meta=import.meta.url;',
  ].join('\n');
  expect(staticImports(code).sort()).toEqual([
    '../three.js',
    './four.js',
    './one.js',
    './two.js',
    '/five.js',
  ]);
});

test('a page counts its HTML, stylesheets, scripts and the modules they import, not lazy ones', () => {
  const dist = mkdtempSync(join(tmpdir(), 'page-weight-'));
  mkdirSync(join(dist, '_astro'));
  writeFileSync(
    join(dist, 'index.html'),
    '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/entry.js"></script>' +
      '<script type="module">import"/_astro/inline-dep.js"</script><script type="application/json">{}</script>',
  );
  writeFileSync(join(dist, '_astro/a.css'), 'p{color:red}');
  writeFileSync(join(dist, '_astro/entry.js'), 'import{t}from"./shared.js";()=>import("./lazy.js")');
  writeFileSync(join(dist, '_astro/shared.js'), 'export const t=1;');
  writeFileSync(join(dist, '_astro/inline-dep.js'), 'export const u=2;');
  writeFileSync(join(dist, '_astro/lazy.js'), 'export const v=3;');
  const names = pageResources(dist, '/').map((resource) => resource.name);
  expect(names).toEqual([
    '/',
    '/_astro/a.css',
    '/_astro/entry.js',
    '/_astro/shared.js',
    'inline:0',
    '/_astro/inline-dep.js',
  ]);
  expect(transferSize(pageResources(dist, '/'))).toBeGreaterThan(0);
});
