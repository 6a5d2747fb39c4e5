import { readdirSync, readFileSync, statSync } from 'node:fs';
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
    ['/changelog.xml', /^(application|text)\/xml\b/],
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
