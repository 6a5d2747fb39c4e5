import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { inPageConnectSources } from '../../src/lib/checks/in-page';
import { loadContent } from './helpers/load-content';
import {
  contentSecurityPolicy,
  declaredConnectSources,
  headersFile,
  inlineScriptHashes,
  nginxHeaders,
  securityHeaders,
} from '../../src/lib/site/security-headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('hashes exactly the inline scripts a browser would run', () => {
  const html = [
    '<script>window.a = 1;</script>',
    '<script type="module">import "/x.js";</script>',
    '<script type="module" src="/_astro/page.js"></script>',
    '<script type="application/json" id="data">{"a":1}</script>',
    '<script is:inline aria-hidden="true">\n  (() => {})();\n</script>',
  ].join('\n');
  expect(inlineScriptHashes(html)).toEqual([
    sha('window.a = 1;'),
    sha('import "/x.js";'),
    sha('\n  (() => {})();\n'),
  ]);
});

test('a script changed by one character no longer matches its hash', () => {
  const [hash] = inlineScriptHashes('<script>window.a = 1;</script>');
  expect(contentSecurityPolicy([hash!])).not.toContain(sha('window.a = 2;'));
});

test('scripts are allowed only from the site itself or by hash, never inline or eval', () => {
  const policy = contentSecurityPolicy([sha('b'), sha('a'), sha('a')]);
  const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'))!;
  expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${[sha('a'), sha('b')].sort().join(' ')}`);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test('the headers are written for static hosts and for nginx', () => {
  const headers = securityHeaders([sha('a')]);
  const file = headersFile(headers);
  expect(file).toMatch(/^# .*\n\/\*\n {2}Content-Security-Policy: default-src 'self'; /);
  expect(file).toContain('  X-Content-Type-Options: nosniff\n');
  expect(nginxHeaders(headers)).toContain(`add_header X-Frame-Options "DENY" always;`);
});

test('text that only looks like a script is never hashed, wherever the content puts it', () => {
  const evil = 'alert(document.domain)';
  const html = [
    // A rule title reaches data-label and og:title; a ">" before it once fooled the pattern.
    `<tr data-label="a > b <script>${evil}</script>"><td>x</td></tr>`,
    `<meta property="og:title" content="<script>${evil}</script>">`,
    `<p title='x><script>${evil}</script>'>t</p>`,
    `<!-- <script>${evil}</script> -->`,
    `<textarea><script>${evil}</script></textarea>`,
    `<title><script>${evil}</script></title>`,
    `<script type="application/json">{"a":"<script>${evil}<\\/script>"}</script>`,
    '<script>window.ok = "<script>";</script>',
  ].join('\n');
  expect(inlineScriptHashes(html)).toEqual([sha('window.ok = "<script>";')]);
});

test('a script in upper case or inside SVG is hashed as the browser runs it', () => {
  expect(inlineScriptHashes('<SCRIPT TYPE="Module">a()</SCRIPT>')).toEqual([sha('a()')]);
  expect(inlineScriptHashes('<svg><script>b()</script></svg>')).toEqual([sha('b()')]);
});

test('pages declare the origins their scripts fetch; only plain HTTPS origins are accepted', () => {
  const html = '<pf-check data-csp-connect="https://mypascom.net https://*.pascom.cloud"></pf-check><p>x</p>';
  expect(declaredConnectSources(html)).toEqual(['https://mypascom.net', 'https://*.pascom.cloud']);
  const connect = contentSecurityPolicy([], declaredConnectSources(html))
    .split('; ')
    .find((directive) => directive.startsWith('connect-src'));
  expect(connect).toBe("connect-src 'self' https://*.pascom.cloud https://mypascom.net");
  // Text that is not an attribute of an element declares nothing.
  expect(declaredConnectSources('<p>data-csp-connect="https://evil.example"</p>')).toEqual([]);
  for (const origin of [
    'http://mypascom.net',
    'https://mypascom.net/path',
    "'unsafe-eval'",
    'https://a.example;script-src',
    '*',
    'https://*',
  ]) {
    expect(() => declaredConnectSources(`<div data-csp-connect="${origin}"></div>`), origin).toThrow(
      /is not an HTTPS origin/,
    );
  }
});

test('the built policy lets the page fetch exactly the hosts its connectivity check names', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  const connect = /connect-src ([^;\n]*)/.exec(headers)?.[1];
  const { deployments } = loadContent('content');
  expect(connect).toBe(["'self'", ...inPageConnectSources(deployments)].join(' '));
  expect(connect).toBe("'self' https://mypascom.net");
});
