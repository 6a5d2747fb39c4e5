import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { inPageConnectSources } from '../../src/lib/checks/in-page';
import { loadContent } from './helpers/load-content';
import { headersForPath, parseHeadersFile } from '../../scripts/headers-file.mjs';
import {
  auditInlineScripts,
  connectSourceProblems,
  contentSecurityPolicy,
  declaredConnectSources,
  headersFile,
  inlineScripts,
  isRawHeadContent,
  literalInlineScripts,
  nginxHeaders,
  securityHeaders,
} from '../../src/lib/site/security-headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The hashes of the scripts a browser would run on a page, as the build's check finds them. */
function inlineScriptHashes(html: string): string[] {
  return inlineScripts(html)
    .filter(({ type }) => ['', 'module', 'text/javascript'].includes(type))
    .map(({ text }) => sha(text));
}

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

test('the build signs the inline scripts it wrote and names the page of any other', () => {
  const own = 'window.own = 1;';
  const pages = [
    { page: 'index.html', html: `<script>${own}</script><script type="application/json">{"a":1}</script>` },
    {
      page: 'rules/sip-tls/index.html',
      html: `<title>SIP</title><script>alert(document.domain)</script><script>${own}</script>`,
    },
    // The stealth variant: a type the browser does not run, which hides the rest of the head.
    { page: 'de/changelog/index.html', html: '<title>x</title><script type=text/plain><p>rest</p>' },
  ];
  const { hashes, problems } = auditInlineScripts(pages, new Set([sha(own)]));
  expect([...hashes]).toEqual([sha(own)]);
  expect(problems).toEqual([
    `rules/sip-tls/index.html: an inline script the build did not write: "alert(document.domain)" (${sha('alert(document.domain)')})`,
    `de/changelog/index.html: an inline script of type "text/plain" the build did not write: "<p>rest</p>" (${sha('<p>rest</p>')})`,
  ]);
  // Every page clean: nothing to report, and only the scripts found are signed.
  expect(auditInlineScripts(pages.slice(0, 1), new Set([sha(own), sha('unused')]))).toEqual({
    hashes: new Set([sha(own)]),
    problems: [],
  });
});

test("Starlight's fixed scripts are read from its components' source as the page gets them", () => {
  const source = [
    '---\nconst a = 1;\n---',
    '<script is:inline>\n\twindow.theme = 1;\n</script>',
    '<script is:inline aria-hidden="true">b()</script>',
    '<script>import "./bundled";</script>',
    '<script is:inline set:html={code} />',
    '<script is:inline define:vars={{ a }}>c(a)</script>',
  ].join('\n');
  expect(literalInlineScripts(source)).toEqual(['\n\twindow.theme = 1;\n', 'b()']);
});

test('a page title is written as text; only scripts and styles in the head are raw', () => {
  expect(isRawHeadContent('title')).toBe(false);
  expect(isRawHeadContent('noscript')).toBe(false);
  expect(isRawHeadContent('script')).toBe(true);
  expect(isRawHeadContent('style')).toBe(true);
});

test('an origin not on the allow-list is refused, naming the pages and the endpoint it came from', () => {
  const declared = new Map([
    ['https://mypascom.net', ['index.html']],
    ['https://*.co.uk', ['index.html', 'de/index.html']],
  ]);
  const endpoints = [{ id: 'mypascom', hosts: ['mypascom.net', '*.co.uk'] }];
  expect(
    connectSourceProblems(declared, ['https://mypascom.net'], endpoints, 'content/endpoints.yaml'),
  ).toEqual([
    'index.html, de/index.html: the connectivity check would fetch https://*.co.uk from endpoint "mypascom" in content/endpoints.yaml, which is not on connect-src\'s allow-list (connectSources in astro.config.mjs); add it there if the site may contact it, or correct the endpoint',
  ]);
  expect(
    connectSourceProblems(declared, ['https://mypascom.net', 'https://*.co.uk'], endpoints, 'x'),
  ).toEqual([]);
});

describe('cache and resource policy', () => {
  const entries = [
    { name: '_astro', folder: true },
    { name: 'diagrams', folder: true },
    { name: 'rules', folder: true },
    { name: 'de', folder: true },
    { name: 'index.html', folder: false },
    { name: 'changelog.xml', folder: false },
    { name: '_headers', folder: false },
  ];
  const feeds = ['/changelog.xml', '/de/changelog.xml'];
  const rules = parseHeadersFile(headersFile(securityHeaders([sha('a')]), entries, feeds));
  const header = (path: string, name: string) => headersForPath(rules, path).get(name)?.value;

  test('pages and feeds are revalidated, hashed files kept, diagrams embeddable, feeds Atom', () => {
    for (const path of ['/', '/index.html', '/rules/sip-tls/', '/de/', '/changelog.xml', '/de/changelog.xml'])
      expect(header(path, 'cache-control'), path).toBe('no-cache');
    expect(header('/_astro/page.a1b2c3.js', 'cache-control')).toBe('public, max-age=31536000, immutable');
    // The folder's own path is a redirect, revalidated like a page.
    expect(header('/_astro', 'cache-control')).toBe('no-cache');
    expect(header('/diagrams/cloud.svg', 'cross-origin-resource-policy')).toBe('cross-origin');
    expect(header('/rules/sip-tls/', 'cross-origin-resource-policy')).toBe('same-origin');
    expect(header('/de/changelog.xml', 'content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(header('/rules/sip-tls/', 'content-security-policy')).toContain("default-src 'self'");
  });

  test('no two patterns that match one path name the same header (hosts would join the values)', () => {
    for (const path of ['/', '/_astro/a.js', '/diagrams/cloud.svg', '/de/changelog.xml', '/rules/x/']) {
      for (const { value } of headersForPath(rules, path).values())
        expect(value, path).not.toMatch(/, (no-cache|public|same-origin|cross-origin|application)/);
    }
  });

  test('nginx repeats every header in each location, as add_header there drops the server ones', () => {
    const conf = nginxHeaders(securityHeaders([sha('a')]), feeds);
    const locations = [...conf.matchAll(/^location ([^{]+) \{\n([\s\S]*?)^\}/gm)];
    expect(locations.map(([, match]) => match)).toEqual([
      '^~ /_astro/',
      '^~ /diagrams/',
      '= /changelog.xml',
      '= /de/changelog.xml',
    ]);
    for (const [, match, body = ''] of locations) {
      expect(body.match(/add_header /g), match).toHaveLength(9);
      expect(body, match).toContain('add_header Content-Security-Policy');
    }
    expect(conf).toContain('default_type application/atom+xml;');
    expect(conf).toMatch(/^add_header Cache-Control "no-cache" always;$/m);
  });
});
