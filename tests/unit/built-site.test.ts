import { describe, expect, test } from 'vitest';
import {
  findBrokenLinks,
  findDuplicateIds,
  findMissingUrls,
  findUnlistedUrls,
  parseRegistry,
  publishedUrls,
  readPage,
  urlOfFile,
  type BuiltSite,
} from './helpers/built-site';
import { OVERVIEW_DATA_ELEMENT_ID, serialiseOverviewData } from '../../src/lib/ui/overview-data';
import { CLIENT_KEYS, pickTexts, UI_TEXTS_EN } from '../../src/lib/texts';

const ORIGIN = 'https://ports.example';

const overview = (rows: string[]) => `<!doctype html><html><head>
  <link rel="canonical" href="${ORIGIN}/"><link rel="stylesheet" href="/_astro/site.css">
  <script type="application/json" id="${OVERVIEW_DATA_ELEMENT_ID}">${serialiseOverviewData({
    devices: ['phone'],
    deviceNames: { phone: 'IP phone' },
    rules: {
      'sip-tls': {
        tabs: { cloud: 'outbound' },
        devices: ['phone'],
        protocols: ['tcp'],
        ports: [[5061, 5061]],
        text: 'sip',
      },
      'ntp-time': {
        tabs: { onsite: 'outbound' },
        devices: [],
        protocols: ['udp'],
        ports: [[123, 123]],
        text: 'ntp',
      },
    },
    aliases: { 'time-old': 'ntp-time' },
    lang: 'en',
    texts: pickTexts(UI_TEXTS_EN, CLIENT_KEYS),
  })}</script></head><body>
  <section id="cloud"></section><section id="onsite"></section>
  ${rows.map((anchor) => `<table><tr id="${anchor}"><td><a href="#${anchor}">row</a></td></tr></table>`).join('')}
  <a href="/rules/ntp-time/">rule</a> <a href="https://elsewhere.example/x">out</a> <a href="mailto:a@b.example">mail</a>
  <a href="/?device=phone&amp;q=sip#cloud">filtered</a>
</body></html>`;

const rulePage = `<html><head><link rel="canonical" href="${ORIGIN}/rules/ntp-time/"></head><body>
  <a href="/#onsite-ntp-time">row</a> <a href="/#ntp-time">first row</a> <a href="/#time-old">old id</a></body></html>`;

function site(
  pages: Record<string, string>,
  files: string[] = ['/_astro/site.css', '/favicon.svg'],
): BuiltSite {
  return {
    pages: new Map(Object.entries(pages).map(([url, html]) => [url, readPage(url, html)])),
    files: new Set(files),
  };
}

const healthy = site({ '/': overview(['cloud-sip-tls', 'onsite-ntp-time']), '/rules/ntp-time/': rulePage });

describe('the link check', () => {
  test('maps built files to the addresses they are served at', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('rules/ntp-time/index.html')).toBe('/rules/ntp-time/');
    expect(urlOfFile('404.html')).toBe('/404.html');
    expect(urlOfFile('snippets/cloud/nftables.txt')).toBe('/snippets/cloud/nftables.txt');
  });

  test('finds nothing wrong with a healthy site', () => {
    expect(findBrokenLinks(healthy, ORIGIN)).toEqual([]);
  });

  test('reports a link to a row that is gone, a missing page, a missing slash and a missing file', () => {
    const broken = site({
      '/': overview(['cloud-sip-tls']),
      '/rules/ntp-time/': `${rulePage}<a href="/rules/gone/">x</a><a href="/rules/ntp-time">x</a><a href="/feeds/x.json">x</a>`,
    });
    expect(findBrokenLinks(broken, ORIGIN).map(({ from, url }) => `${from} -> ${url}`)).toEqual([
      '/rules/ntp-time/ -> /#onsite-ntp-time',
      '/rules/ntp-time/ -> /#ntp-time',
      '/rules/ntp-time/ -> /#time-old',
      '/rules/ntp-time/ -> /rules/gone/',
      '/rules/ntp-time/ -> /rules/ntp-time',
      '/rules/ntp-time/ -> /feeds/x.json',
    ]);
  });

  test('accepts a bare rule id or old id only when the page resolves it', () => {
    const page = site({
      '/': overview(['cloud-sip-tls', 'onsite-ntp-time']),
      '/rules/ntp-time/': rulePage,
      '/x/': '<a href="/#not-a-rule">x</a>',
    });
    expect(findBrokenLinks(page, ORIGIN)).toEqual([
      expect.objectContaining({ from: '/x/', url: '/#not-a-rule' }),
    ]);
  });
});

describe('the duplicate-id check', () => {
  test('finds nothing wrong with a healthy site', () => {
    expect(findDuplicateIds(healthy)).toEqual([]);
  });

  test('names the page and each id that two or more elements share, once', () => {
    const doubled = site({
      '/': overview(['cloud-sip-tls', 'onsite-ntp-time']),
      '/rules/ntp-time/': `${rulePage}<h2 id="purpose">Purpose</h2><p id="note">a</p>
        <section><h2 id="purpose">Purpose</h2></section><span id="purpose"></span><p id="Note">b</p>`,
      // The same row anchor in both tables of the overview.
      '/x/': overview(['cloud-sip-tls', 'cloud-sip-tls']),
    });
    expect(findDuplicateIds(doubled)).toEqual([
      { page: '/rules/ntp-time/', id: 'purpose' },
      { page: '/x/', id: 'cloud-sip-tls' },
    ]);
  });
});

describe('the published-URL registry', () => {
  const registry = parseRegistry(`# comment\n\n${publishedUrls(healthy).join('\n')}\n`);

  test('lists pages, tabs, rows, rule ids, old ids and files, but not build artefacts', () => {
    expect(registry).toEqual([
      '/',
      '/#cloud',
      '/#cloud-sip-tls',
      '/#ntp-time',
      '/#onsite',
      '/#onsite-ntp-time',
      '/#onsite-time-old',
      '/#sip-tls',
      '/#time-old',
      '/favicon.svg',
      '/rules/ntp-time/',
    ]);
  });

  test('fails when a row anchor disappears from the build', () => {
    const rowRemoved = site({ '/': overview(['cloud-sip-tls']), '/rules/ntp-time/': rulePage });
    expect(findMissingUrls(registry, healthy)).toEqual([]);
    // The bare id and the old ids of the rule lead to the lost row, so they break with it.
    expect(findMissingUrls(registry, rowRemoved).map(({ url }) => url)).toEqual([
      '/#ntp-time',
      '/#onsite-ntp-time',
      '/#onsite-time-old',
      '/#time-old',
    ]);
  });

  test('fails when a page or a file disappears', () => {
    const shrunk = site({ '/': overview(['cloud-sip-tls', 'onsite-ntp-time']) }, []);
    expect(findMissingUrls(registry, shrunk).map(({ url }) => url)).toEqual([
      '/favicon.svg',
      '/rules/ntp-time/',
    ]);
  });

  test('names new addresses that are not listed yet', () => {
    const grown = site(
      { '/': overview(['cloud-sip-tls', 'onsite-ntp-time']), '/rules/ntp-time/': rulePage },
      ['/favicon.svg', '/snippets/cloud/nftables.txt'],
    );
    expect(findUnlistedUrls(registry, grown)).toEqual(['/snippets/cloud/nftables.txt']);
  });
});
