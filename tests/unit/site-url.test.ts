import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_SITE_URL, siteUrl } from '../../src/lib/site/site-url';

describe('SITE_URL', () => {
  test('unset or empty means the placeholder address', () => {
    expect(siteUrl(undefined)).toBe(DEFAULT_SITE_URL);
    expect(siteUrl('  ')).toBe(DEFAULT_SITE_URL);
  });

  test('an origin is taken as it is, with or without a trailing slash', () => {
    expect(siteUrl('https://Ports.Example.COM/')).toBe('https://ports.example.com');
    expect(siteUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  test.each([
    ['ports.example.com', /is not an absolute address/],
    ['ftp://ports.example.com', /must start with https:\/\//],
    ['javascript:alert(1)', /must start with https:\/\//],
    ['https://ports.example.com/docs/', /origin only/],
    ['https://ports.example.com/?x=1', /origin only/],
    ['https://user:secret@ports.example.com', /origin only/],
  ])('%j is refused with a message naming the setting', (value, message) => {
    expect(() => siteUrl(value)).toThrow(message);
    expect(() => siteUrl(value)).toThrow(/^SITE_URL /);
  });
});

describe('a build for another address', () => {
  const other = 'https://firewall-ports.example.net';
  const work = mkdtempSync(join(tmpdir(), 'port-site-url-'));
  const outDir = join(work, 'dist');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('has no trace of the default address anywhere, and uses the new one in every kind of absolute link', () => {
    // One extra build; the default address must not even be the configured one.
    expect(other).not.toBe(siteUrl(process.env.SITE_URL));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: { ...process.env, SITE_URL: other, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);

    const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    const defaultHost = new URL(DEFAULT_SITE_URL).host;
    const traces = files
      .filter((file) => readFileSync(file).includes(defaultHost))
      .map((file) => relative(outDir, file));
    expect(traces).toEqual([]);

    const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
    expect(read('index.html')).toContain(`<link rel="canonical" href="${other}/"`);
    expect(read('rules/sip-tls/index.html')).toContain(
      `<meta property="og:url" content="${other}/rules/sip-tls/"`,
    );
    expect(read('sitemap-0.xml')).toContain(`<loc>${other}/rules/sip-tls/</loc>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${other}/sitemap-index.xml`);
    expect(read('changelog.xml')).toContain(`<id>${other}/changelog/</id>`);
    expect(JSON.parse(read('ports.json'))).toMatchObject({
      $schema: `${other}/ports.schema.json`,
      source: `${other}/`,
    });
    expect(read('ports.csv')).toContain(`"${other}/#cloud-sip-tls"`);
    expect(read('ports/cloud-outbound.txt')).toContain(`# Source: ${other}/`);
  }, 300_000);
});
