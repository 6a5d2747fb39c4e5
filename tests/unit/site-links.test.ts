import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, type DocumentNode, type ElementNode } from 'ultrahtml';
import { querySelector } from 'ultrahtml/selector';
import { findBrokenLinks, findDuplicateIds } from './helpers/built-site';
import { rulePageUrl } from '../../src/lib/url/link-scheme';
import { DIST, SITE_ORIGIN, readDistSite } from './helpers/dist-site';
import { loadContent } from './helpers/load-content';

const site = readDistSite();
const data = loadContent('content');

test('no internal link or anchor in the built site leads nowhere', () => {
  const broken = findBrokenLinks(site, SITE_ORIGIN).map(
    ({ from, url, problem }) => `${from}: ${url} (${problem})`,
  );
  expect(broken, broken.join('\n')).toEqual([]);
});

test('no page of the built site gives one id to two elements', () => {
  expect(site.pages.size).toBeGreaterThan(1);
  const duplicates = findDuplicateIds(site).map(({ page, id }) => `${page}: #${id}`);
  expect(duplicates, duplicates.join('\n')).toEqual([]);
});

test('the overview links every row to its rule page and to itself', () => {
  const overview = site.pages.get('/');
  for (const deployment of data.deployments) {
    for (const placement of deployment.placements) {
      expect(overview?.ids).toContain(placement.anchor);
      expect(overview?.references).toContain(`#${placement.anchor}`);
      expect(overview?.references).toContain(rulePageUrl(placement.rule.id));
    }
  }
});

describe('the sitemap', () => {
  const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

  test('lists the overview and every rule page', () => {
    expect(listed).toContain(`${SITE_ORIGIN}/`);
    for (const rule of data.rules) expect(listed).toContain(`${SITE_ORIGIN}${rulePageUrl(rule.id)}`);
  });

  test('leaves out redirect pages of old ids', () => {
    for (const alias of data.aliases.keys())
      expect(listed).not.toContain(`${SITE_ORIGIN}${rulePageUrl(alias)}`);
  });
});

describe('link previews', () => {
  const pages = [...site.pages.keys()].filter((url) => url !== '/404.html');
  const head = (url: string) => parse(readFileSync(join(DIST, url, 'index.html'), 'utf8')) as DocumentNode;
  const content = (document: DocumentNode, selector: string) =>
    (querySelector(document, selector) as ElementNode | undefined)?.attributes.content ??
    (querySelector(document, selector) as ElementNode | undefined)?.attributes.href;

  test.each(pages)('%s has a canonical address, Open Graph and Twitter card tags', (url) => {
    const document = head(url);
    expect(content(document, 'link[rel="canonical"]')).toBe(`${SITE_ORIGIN}${url}`);
    expect(content(document, 'meta[property="og:url"]')).toBe(`${SITE_ORIGIN}${url}`);
    expect(content(document, 'meta[property="og:title"]')).toBeTruthy();
    expect(content(document, 'meta[property="og:description"]')).toBeTruthy();
    expect(content(document, 'meta[property="og:site_name"]')).toBe(
      url.startsWith('/de/') ? 'pascom Firewall-Ports' : 'pascom firewall ports',
    );
    expect(content(document, 'meta[name="twitter:card"]')).toBe('summary');
  });

  test('a rule page previews with the rule title and its ports', () => {
    const document = head(rulePageUrl('ntp-time'));
    expect(content(document, 'meta[property="og:title"]')).toBe('Time server (NTP)');
    expect(content(document, 'meta[property="og:description"]')).toMatch(/^123\/UDP: /);
  });
});
