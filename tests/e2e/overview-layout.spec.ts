import { test, expect, type PortOverviewPage, type SnippetPanel } from './fixtures';
import type { Page } from '@playwright/test';

/*
 * Where the answer sits, measured as a reader sees it (README "How the overview is laid out"):
 * light theme, with the snippet panel loaded, since its form grows the page once it is reached.
 * `npm run bench:layout` prints the same figures for both languages and both sizes.
 */
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Five phone screens: the most a tab's whole page may take. */
const PHONE_PAGE_LIMIT = 5 * PHONE.height;
const A4_PAGES_PER_TAB = 6;

test.use({ colorScheme: 'light' });

/** Opens the overview, reaches the snippet panel so its form is built, and goes back to the top. */
async function openLoaded(overview: PortOverviewPage, snippets: SnippetPanel, path = '/'): Promise<void> {
  await overview.open(path);
  await snippets.reach();
  await overview.page.evaluate(() => window.scrollTo(0, 0));
}

/** The bottom edge of an element, in page coordinates. */
async function bottomOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
}

test.describe('at 1440×900', () => {
  test.use({ viewport: DESKTOP });

  test('the tabs and every Cloud row are on the first screen; after choosing Onsite its server table and first inbound row are', async ({
    overview,
    snippets,
    page,
  }) => {
    await openLoaded(overview, snippets);
    // The tabs and all nine Cloud rows end above the fold, with no scrolling.
    expect(await bottomOf(page, '.pf-tablist')).toBeLessThanOrEqual(DESKTOP.height);
    const rows = overview.rows(overview.panel('Cloud'));
    await expect(rows).toHaveCount(9);
    for (const row of await rows.all()) {
      const box = (await row.boundingBox())!;
      expect(box.y + box.height, await row.innerText()).toBeLessThanOrEqual(DESKTOP.height);
      // Port, protocol and target are readable: the port cell and the target cell are in view.
      await expect(row.locator('td').first()).toBeInViewport({ ratio: 1 });
      await expect(row.locator('td').last()).toBeInViewport({ ratio: 1 });
    }
    // Onsite: the server's table and the first inbound row, from the top of the page.
    await overview.tab('Onsite').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await bottomOf(page, '#onsite-server-heading + * tbody tr:last-child')).toBeLessThanOrEqual(
      DESKTOP.height,
    );
    expect(await bottomOf(page, '#onsite tr[data-direction="inbound"]')).toBeLessThanOrEqual(DESKTOP.height);
  });
});

test.describe('at 390×844', () => {
  test.use({ viewport: PHONE });

  test('the tabs and the first Cloud row are on the first screen, all nine rows within two', async ({
    overview,
    snippets,
    page,
  }) => {
    await openLoaded(overview, snippets);
    expect(await bottomOf(page, '.pf-tablist')).toBeLessThanOrEqual(PHONE.height);
    expect(await bottomOf(page, '#cloud tbody tr:first-child')).toBeLessThanOrEqual(PHONE.height);
    expect(await bottomOf(page, '#cloud tbody tr:last-child')).toBeLessThanOrEqual(2 * PHONE.height);
  });

  test('each tab’s whole page is at most five screens tall', async ({ overview, snippets, page }) => {
    // Not met yet: English Cloud is 4,010 px, but English Onsite 4,943, German Cloud 4,446 and German
    // Onsite 5,412 (README "How the overview is laid out"). Marked as failing, so it reports the day
    // it passes.
    test.fail();
    for (const tab of ['cloud', 'onsite'] as const) {
      await openLoaded(overview, snippets, `/#${tab}`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, tab).toBeLessThanOrEqual(PHONE_PAGE_LIMIT);
    }
  });
});

test('each tab prints on at most six A4 pages', async ({ overview, snippets, page }) => {
  for (const tab of ['cloud', 'onsite'] as const) {
    await openLoaded(overview, snippets, `/#${tab}`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    // Chromium writes one page object per printed page.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages, tab).toBeGreaterThan(0);
    expect(pages, tab).toBeLessThanOrEqual(A4_PAGES_PER_TAB);
    await page.emulateMedia({ media: 'screen' });
  }
});
