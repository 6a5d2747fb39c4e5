import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { expect, test } from '@playwright/test';
import { headersForPath, parseHeadersFile } from '../../scripts/headers-file.mjs';

// What the web server adds to the built site, checked on every server the browser tests
// run against: the Node server of `npm start` and nginx set up as the README says.

const headerRules = parseHeadersFile(readFileSync('dist/_headers', 'utf8'), 'dist/_headers');
const rule = readdirSync('dist/rules', { withFileTypes: true }).find((entry) => entry.isDirectory())!.name;
// The largest script: servers leave files of a few hundred bytes uncompressed.
const script = readdirSync('dist/_astro', { withFileTypes: true })
  .filter((entry) => entry.name.endsWith('.js'))
  .map((entry) => ({ name: entry.name, size: statSync(`dist/_astro/${entry.name}`).size }))
  .sort((a, b) => b.size - a.size)[0]!.name;

test('every response carries the headers dist/_headers prescribes for its path', async ({ request }) => {
  const paths = [
    '/',
    `/rules/${rule}/`,
    `/rules/${rule}`,
    '/ports.csv',
    '/ports.json',
    '/ports/onsite-inbound.txt',
    '/changelog.xml',
    '/favicon.svg',
    `/_astro/${script}`,
    '/no-such-page/',
  ];
  for (const path of paths) {
    // Ask as a browser does, compressed, and look at the first answer, redirects included.
    const response = await request.get(path, { maxRedirects: 0, headers: { 'accept-encoding': 'gzip' } });
    const expected = headersForPath(headerRules, path);
    expect(expected.size, 'dist/_headers prescribes headers for every path').toBeGreaterThan(0);
    for (const [key, { name, value }] of expected) {
      expect(response.headers()[key], `${name} on ${path} (${response.status()})`).toBe(value);
    }
  }
});

test('pages, scripts and feeds are gzip-compressed for clients that accept it', async ({ request }) => {
  for (const path of ['/', `/_astro/${script}`, '/ports.csv', '/ports.json', '/changelog.xml']) {
    const response = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers()['content-encoding'], path).toBe('gzip');
  }
});

test('feeds are served with the content type of their format, text as UTF-8', async ({ request }) => {
  const types: [string, RegExp][] = [
    ['/ports.csv', /^text\/csv; charset=utf-8$/i],
    ['/ports.json', /^application\/json\b/],
    ['/ports/onsite-inbound.txt', /^text\/plain; charset=utf-8$/i],
    ['/changelog.xml', /^application\/atom\+xml; charset=utf-8$/i],
    ['/de/changelog.xml', /^application\/atom\+xml; charset=utf-8$/i],
  ];
  for (const [path, type] of types) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
  }
});

test('a rule page is reached at its clean URL, with or without the trailing slash', async ({ page }) => {
  // The address without the slash is redirected to the canonical one.
  const response = await page.goto(`/rules/${rule}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/rules/${rule}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an unknown page gets the site 404 page with status 404, in the language of its address', async ({
  page,
}) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const german = await page.goto('/de/keine-seite/');
  expect(german?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('files next to dist are not served', async ({ request }) => {
  for (const path of ['/..%2fpackage.json', '/..%2fsecurity-headers.nginx.conf', '/%2e%2e%2fREADME.md']) {
    const response = await request.get(path);
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(await response.text(), path).not.toMatch(
      /"devDependencies"|add_header|# pascom firewall port reference/,
    );
  }
});

test('pages, feeds and unhashed scripts are revalidated; hashed files are kept for a year', async ({
  request,
}) => {
  const revalidated = [
    '/',
    `/rules/${rule}/`,
    '/de/',
    '/changelog.xml',
    '/de/changelog.xml',
    '/ports.json',
    '/pagefind/pagefind.js',
    '/diagrams/cloud.svg',
  ];
  for (const path of revalidated) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
  }
  const hashed = await request.get(`/_astro/${script}`);
  expect(hashed.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});

test('only the diagrams may be embedded by other sites (Cross-Origin-Resource-Policy)', async ({
  request,
}) => {
  for (const path of ['/', '/de/', `/_astro/${script}`, '/ports.json', '/changelog.xml']) {
    const response = await request.get(path);
    expect(response.headers()['cross-origin-resource-policy'], path).toBe('same-origin');
  }
  for (const path of ['/diagrams/cloud.svg', '/diagrams/onsite.svg']) {
    const response = await request.get(path);
    expect(response.headers()['cross-origin-resource-policy'], path).toBe('cross-origin');
  }
});

test('redirects name the path only, and the server names no version', async ({ request }) => {
  const response = await request.get(`/rules/${rule}`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers().location).toBe(`/rules/${rule}/`);
  expect(response.headers().server ?? '').not.toMatch(/\d/);
});

/** The status a request for `/` addressed to `host` gets, or "closed" if the server answers nothing. */
function statusFor(baseURL: string, host: string): Promise<number | 'closed'> {
  const url = new URL('/', baseURL);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { headers: { host }, rejectUnauthorized: false, timeout: 5_000 }, (reply) => {
      reply.resume();
      resolve(reply.statusCode ?? 0);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve('closed') : reject(error),
    );
    outgoing.end();
  });
}

test('a request addressed to another host name never gets the site', async ({ baseURL }) => {
  // nginx closes the connection (the README's default server); the Node server answers 421.
  const expected = baseURL!.startsWith('https:') ? 'closed' : 421;
  for (const host of ['evil.example', 'ports.pascom.example.evil.example', 'localhost']) {
    expect(await statusFor(baseURL!, host), host).toBe(expected);
  }
  expect(await statusFor(baseURL!, new URL(baseURL!).host)).toBe(200);
});
