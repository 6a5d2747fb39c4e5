import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  contentSecurityPolicy,
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
