import { test as base, expect, type Page } from '@playwright/test';
import { loadContent } from '../unit/helpers/load-content';
import { OVERVIEW_DATA_ELEMENT_ID } from '../../src/lib/ui/overview-data';

const data = loadContent('content');
const rows = data.deployments.flatMap((deployment) =>
  deployment.placements.map((placement) => ({
    anchor: placement.anchor,
    tab: deployment.name,
    title: placement.rule.title,
  })),
);

/** The port overview as a reader sees it: tabs, the visible panel and its rows. */
class PortOverview {
  constructor(readonly page: Page) {}

  async open(fragment = ''): Promise<void> {
    await this.page.goto(`/${fragment}`);
  }

  tab(name: string) {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
  }

  panel() {
    return this.page.getByRole('tabpanel');
  }

  /** The row whose Function column links to the rule page titled `title`, in the visible tab. */
  row(title: string) {
    return this.panel()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async expectLandedOn(tab: string, title: string): Promise<void> {
    await expect(this.tab(tab)).toHaveAttribute('aria-selected', 'true');
    const row = this.row(title);
    await expect(row).toHaveClass(/\bpf-highlight\b/);
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport();
  }
}

const test = base.extend<{ overview: PortOverview }>({
  overview: async ({ page }, use) => {
    await use(new PortOverview(page));
  },
});

test.describe('permanent row links', () => {
  for (const { anchor, tab, title } of rows) {
    test(`cold-loading #${anchor} shows "${title}" highlighted in the ${tab} tab`, async ({ overview }) => {
      // Open the overview straight at the row's anchor, as a link in a support article would.
      await overview.open(`#${anchor}`);
      // The row's tab is active, and the row is highlighted, focused and on screen.
      await overview.expectLandedOn(tab, title);
    });
  }

  test('a bare rule id opens the Onsite tab at its row', async ({ overview }) => {
    // Open the overview at the rule id alone.
    await overview.open('#ntp-time');
    // Onsite is the only tab with that rule, so it opens there.
    await overview.expectLandedOn('Onsite', 'Time server (NTP)');
  });

  test('a bare rule id in both tabs lands on its first row', async ({ overview }) => {
    // Open the overview at a rule that Cloud and Onsite both list.
    await overview.open('#sip-tls');
    // Cloud comes first.
    await overview.expectLandedOn('Cloud', 'SIP connection');
  });

  test('old ids of renamed rules land on the renamed rule', async ({ overview, page }) => {
    // Serve the overview with a link index in which two old ids name current rules,
    // as after a rename (the real content has no renames yet).
    await page.route('**/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /"aliases":\{\}/,
        '"aliases":{"ntp-server":"ntp-time","sip-encrypted":"sip-tls"}',
      );
      await route.fulfill({ response, body: html });
    });
    await overview.open();
    const index = await page.evaluate(
      (id) => document.getElementById(id)?.textContent,
      OVERVIEW_DATA_ELEMENT_ID,
    );
    expect(index).toContain('"ntp-server":"ntp-time"');
    // An old id alone lands on the rule's first row.
    await overview.open('#ntp-server');
    await overview.expectLandedOn('Onsite', 'Time server (NTP)');
    // A tab plus an old id lands on the rule's row in that tab.
    await overview.open('#onsite-sip-encrypted');
    await overview.expectLandedOn('Onsite', 'SIP connection');
  });

  test('following in-page links and changing the hash moves to the new row', async ({ overview, page }) => {
    // Start on the Cloud tab.
    await overview.open('#cloud');
    await expect(overview.tab('Cloud')).toHaveAttribute('aria-selected', 'true');
    // Change the hash in place to a rule that only Onsite lists.
    await page.evaluate(() => {
      window.location.hash = 'ntp-time';
    });
    await overview.expectLandedOn('Onsite', 'Time server (NTP)');
    // Click the port of another row: its own anchor link.
    await overview
      .row('Access to the pascom mail servers')
      .getByRole('link', { name: '25', exact: true })
      .click();
    await overview.expectLandedOn('Onsite', 'Access to the pascom mail servers');
    // Only one row is highlighted at a time.
    await expect(page.locator('.pf-highlight')).toHaveCount(1);
    // Going back returns to the previous row.
    await page.goBack();
    await overview.expectLandedOn('Onsite', 'Time server (NTP)');
  });

  test('a row link on a rule page opens the overview at that row', async ({ page, overview }) => {
    // Open the rule page of a rule listed in both tabs.
    await page.goto('/rules/sip-tls/');
    await expect(page.getByRole('heading', { level: 1, name: 'SIP connection' })).toBeVisible();
    // Follow the link to its Onsite row.
    await page
      .getByRole('region', { name: 'Onsite' })
      .getByRole('link', { name: 'show this row in the port overview' })
      .click();
    await overview.expectLandedOn('Onsite', 'SIP connection');
  });
});

test.describe('the index of all rules', () => {
  test('lists every rule with its permanent id and links to its page', async ({ page }) => {
    await page.goto('/rules/');
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(12);
    const ntp = rows.filter({ hasText: 'ntp-time' });
    await expect(ntp.getByRole('cell').nth(1)).toHaveText('123/UDP');
    await ntp.getByRole('link', { name: 'Time server (NTP)' }).click();
    await expect(page).toHaveURL(/\/rules\/ntp-time\/$/);
  });

  test.describe('on a 360 px phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('every id is in full view, without scrolling the table sideways', async ({ page }) => {
      await page.goto('/rules/');
      for (const id of await page.locator('tbody code').all()) {
        const box = (await id.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
});

test('an unknown address answers 404 and leads back to the overview and the rules', async ({ page }) => {
  const response = await page.goto('/rules/no-such-rule/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const content = page.getByRole('main');
  await content.getByRole('link', { name: 'All rules' }).click();
  await expect(page).toHaveURL(/\/rules\/$/);
});

test.describe('copy link buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copying a row link puts its permanent address on the clipboard', async ({
    overview,
    page,
    baseURL,
  }) => {
    // Open the Onsite tab.
    await overview.open('#onsite');
    // Press the copy button in the NTP row.
    const row = overview.row('Time server (NTP)');
    await row.getByRole('button', { name: 'Copy link to Time server (NTP)' }).click();
    // The row says so, visibly and to screen readers.
    await expect(row.getByRole('status')).toHaveText('Link copied');
    // The clipboard holds the row's address.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}/#onsite-ntp-time`);
  });

  test('copying a tab link puts the tab address on the clipboard', async ({ overview, page, baseURL }) => {
    // Open the overview.
    await overview.open();
    // Press the copy button next to the Cloud summary.
    await overview.panel().getByRole('button', { name: 'Copy link to the Cloud tab' }).click();
    // The confirmation shows next to it.
    await expect(overview.panel().getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    // The clipboard holds the tab address.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/#cloud`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('there are no copy buttons, and each row still links to itself', async ({ page }) => {
    // Open the overview at a row with scripts off.
    await page.goto('/#onsite-ntp-time');
    // No dead controls.
    await expect(page.getByRole('button', { name: /^Copy link/ })).toHaveCount(0);
    // The row is there with its plain anchor link and its rule page link.
    const row = page.locator('#onsite-ntp-time');
    await expect(row.getByRole('link', { name: '123', exact: true })).toHaveAttribute(
      'href',
      '#onsite-ntp-time',
    );
    await expect(row.getByRole('link', { name: 'Time server (NTP)' })).toHaveAttribute(
      'href',
      '/rules/ntp-time/',
    );
  });
});
