// Measures where the port overview's answer sits, as a reader sees it: where the tabs and the
// first Cloud row start, how many Cloud rows fit on the first screen, where the Onsite tables and
// the snippet panel start, how tall each tab's page is, how tall one rule is, and how many A4
// pages each tab prints on. At 1440×900 and 390×844, light theme, English and German, after
// scrolling to the end so that the snippet panel has built its form.
//
// Run after a build: `npm run build && npm run bench:layout`. It serves dist/ with
// scripts/serve-dist.mjs on 127.0.0.1 and prints a table. With `--shots <folder>` it also saves
// screenshots (first screen of each tab and the whole Cloud page; desktop and phone, light and
// dark, English and German). This is a measurement, not a test: it never fails on its figures;
// tests/e2e/overview-layout.spec.ts holds the page to its limits.
// The functions given to page.evaluate run in the page, where these are the browser's globals.
/* global document, window */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, HEADLESS_SHELL_PATH } from '../chromium.mjs';
import { serveDist } from '../bench-server.mjs';

const shotsIndex = process.argv.indexOf('--shots');
const SHOTS = shotsIndex > 0 ? process.argv[shotsIndex + 1] : undefined;

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const LANGS = [
  { lang: 'en', path: '/' },
  { lang: 'de', path: '/de/' },
];

/** Scrolls to the end, waits for the snippet panel's form, and scrolls back to the top. */
async function loadSnippetPanel(page) {
  // A link's fragment may scroll the page back once the tabs start, so keep scrolling down.
  const form = page.locator('#pf-snippet-platform');
  for (let tries = 0; tries < 30 && !(await form.isVisible()); tries += 1) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(500);
  }
  await form.waitFor({ timeout: 1_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Page coordinates of what the issue measures, in the tab that is showing. */
function measure(page, tab) {
  return page.evaluate((tab) => {
    const top = (element) =>
      element ? Math.round(element.getBoundingClientRect().top + window.scrollY) : NaN;
    const rows = [...document.querySelectorAll(`#${tab} tbody tr`)];
    const firstRow = rows[0];
    const height = window.innerHeight;
    return {
      tabs: top(document.querySelector('.pf-tablist')),
      firstRow: top(firstRow),
      rowsOnFirstScreen: rows.filter((row) => row.getBoundingClientRect().bottom + window.scrollY <= height)
        .length,
      rows: rows.length,
      lastRowEnd: Math.round(rows.at(-1).getBoundingClientRect().bottom + window.scrollY),
      serverTable: top(document.querySelector('#onsite-server-heading')),
      remoteTable: top(document.querySelector('#onsite-remote-access-heading')),
      firstInboundRowEnd: Math.round(
        (document.querySelector('#onsite tr[data-direction="inbound"]')?.getBoundingClientRect().bottom ??
          NaN) + window.scrollY,
      ),
      snippets: top(document.querySelector('#firewall-rules')),
      page: document.documentElement.scrollHeight,
      rowHeight: Math.round(firstRow.getBoundingClientRect().height),
    };
  }, tab);
}

/** Number of pages in a PDF: its page objects (Chromium writes one "/Type /Page" per page). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const server = await serveDist();
// The paths below start with "/", so the base goes without its own.
const base = server.base.replace(/\/$/, '');
const results = [];
try {
  const browser = await chromium.launch({ executablePath: HEADLESS_SHELL_PATH, args: CHROMIUM_ARGS });
  for (const viewport of VIEWPORTS) {
    for (const { lang, path } of LANGS) {
      for (const scheme of SHOTS ? ['light', 'dark'] : ['light']) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        for (const tab of ['cloud', 'onsite']) {
          await page.goto(`${base}${path}#${tab}`);
          await loadSnippetPanel(page);
          const figures = await measure(page, tab);
          if (scheme === 'light') {
            await page.emulateMedia({ media: 'print' });
            const pdf = await page.pdf({ format: 'A4', printBackground: false });
            await page.emulateMedia({ media: 'screen' });
            results.push({ ...viewport, lang, tab, ...figures, print: pdfPages(pdf) });
          }
          if (SHOTS) {
            mkdirSync(SHOTS, { recursive: true });
            const name = `${viewport.name}-${scheme}-${lang}-${tab}`;
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({ path: join(SHOTS, `${name}-first-screen.png`) });
            if (tab === 'cloud')
              await page.screenshot({ path: join(SHOTS, `${name}-page.png`), fullPage: true });
          }
        }
        await context.close();
      }
    }
  }
  await browser.close();
} finally {
  server.stop();
}

const screens = (px, height) => `${px} (${(px / height).toFixed(2)})`;
console.log('Pixels from the top of the page (screens in brackets), light theme, snippet panel loaded.\n');
console.log(
  '| Viewport | Lang | Tab | Tabs | First row | Rows on 1st screen | Last row ends | Onsite server table | Onsite inbound table | Snippet heading | Page | One rule | A4 pages |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const h = r.height;
  console.log(
    `| ${r.width}×${h} | ${r.lang} | ${r.tab} | ${screens(r.tabs, h)} | ${screens(r.firstRow, h)} | ${r.rowsOnFirstScreen} of ${r.rows} | ${screens(r.lastRowEnd, h)} | ${r.tab === 'onsite' ? screens(r.serverTable, h) : '–'} | ${r.tab === 'onsite' ? screens(r.remoteTable, h) : '–'} | ${screens(r.snippets, h)} | ${screens(r.page, h)} | ${r.rowHeight} | ${r.print} |`,
  );
}
