import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One resource a page loads when it opens: its HTML, a stylesheet or a script. */
export interface PageResource {
  kind: 'html' | 'css' | 'js';
  /** Path in the built site, or "inline:<n>" for an inline script. */
  name: string;
  content: string;
  gzipBytes: number;
  /** An inline script: its bytes are part of the HTML already. */
  inline: boolean;
}

const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length;

/**
 * Relative module specifiers a script imports statically, minified or not
 * (`import{a as b}from"./x.js"`, `import "./y.js"`, `export*from"./z.js"`);
 * dynamic `import()` loads on demand and is left out.
 */
export function staticImports(code: string): string[] {
  const specifiers = new Set<string>();
  const clause = String.raw`(?:[\w$*{}\s,]+?from\s*)`;
  const patterns = [
    new RegExp(String.raw`(?:^|[;\s}])import\s*${clause}?["'\`]([^"'\`]+)["'\`]`, 'g'),
    new RegExp(String.raw`(?:^|[;\s}])export\s*${clause}["'\`]([^"'\`]+)["'\`]`, 'g'),
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.add(match[1]!);
  return [...specifiers].filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'));
}

/**
 * Everything a built page downloads before it is usable: the HTML, its
 * stylesheets, its inline and external scripts and the modules they import
 * statically. Resources fetched later on demand (the search index, lazily
 * imported modules) are not part of it.
 */
export function pageResources(distDir: string, pagePath: string): PageResource[] {
  const root = resolve(distDir);
  const htmlFile = join(root, pagePath.replace(/^\//, ''), pagePath.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const resources: PageResource[] = [
    { kind: 'html', name: pagePath, content: html, gzipBytes: gzipSize(html), inline: false },
  ];
  const seen = new Set<string>();

  const addFile = (kind: 'css' | 'js', url: string, fromFile: string) => {
    const file = url.startsWith('/') ? join(root, url) : resolve(dirname(fromFile), url);
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const content = readFileSync(file, 'utf8');
    resources.push({
      kind,
      name: `/${file.slice(root.length + 1)}`,
      content,
      gzipBytes: gzipSize(content),
      inline: false,
    });
    if (kind === 'js') for (const specifier of staticImports(content)) addFile('js', specifier, file);
  };

  for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
    addFile('css', match[1]!, htmlFile);
  let inline = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1]!;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) addFile('js', src, htmlFile);
    else if (!/type="application\/(?:ld\+)?json"/.test(attributes) && match[2]!.trim() !== '') {
      const content = match[2]!;
      resources.push({
        kind: 'js',
        name: `inline:${inline++}`,
        content,
        gzipBytes: gzipSize(content),
        inline: true,
      });
      for (const specifier of staticImports(content)) addFile('js', specifier, htmlFile);
    }
  }
  return resources;
}

/** Gzip bytes of the files a page downloads (inline scripts count as part of the HTML). */
export function transferSize(resources: PageResource[]): number {
  return resources
    .filter((resource) => !resource.inline)
    .reduce((sum, resource) => sum + resource.gzipBytes, 0);
}

/** Gzip bytes of the given scripts, each compressed on its own. */
export function scriptSize(scripts: PageResource[]): number {
  return scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
}

/**
 * The scripts a page loads that a plain Starlight page does not: the page's own
 * JavaScript. A script counts as shared when a plain page loads the very same code.
 */
export function ownScripts(page: PageResource[], plainStarlight: PageResource[]): PageResource[] {
  const shared = new Set(
    plainStarlight.filter((resource) => resource.kind === 'js').map((resource) => resource.content),
  );
  return page.filter((resource) => resource.kind === 'js' && !shared.has(resource.content));
}
