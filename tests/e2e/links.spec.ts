import { expect, type Page } from '@playwright/test';
import { OVERVIEW_DATA_ELEMENT_ID } from '../../src/lib/ui/overview-data';
import { localPath } from '../../src/lib/lang';
import type { Deployment } from '../../src/schemas/registries';
import {
  contentOf,
  escapeRegExp,
  languageTest,
  linkTextOf,
  textPattern,
  type Lang,
  type SiteContent,
} from './fixtures';

// Every row of the overview, named in the tests' titles by its English tab and title.
const rows = contentOf('en').data.deployments.flatMap((deployment) =>
  deployment.placements.map((placement) => ({
    anchor: placement.anchor,
    deployment: deployment.id,
    ruleId: placement.rule.id,
    tab: deployment.name,
    title: placement.rule.title,
  })),
);

/** A site path as a pattern that the whole of a URL must end with. */
const endsWith = (path: string) => new RegExp(`${escapeRegExp(path)}$`);

/** The port overview as a reader sees it: tabs, the visible panel and its rows, in the tests' language. */
class PortOverview {
  readonly content: SiteContent;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.content = contentOf(lang);
  }

  async open(fragment = ''): Promise<void> {
    await this.page.goto(localPath(this.lang, `/${fragment}`));
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

  /** The reader landed on the row of a rule (by id) in a tab (by id). */
  async expectLandedOn(deployment: Deployment, ruleId: string): Promise<void> {
    await expect(this.tab(this.content.tab(deployment))).toHaveAttribute('aria-selected', 'true');
    const row = this.row(this.content.rule(ruleId));
    await expect(row).toHaveClass(/\bpf-highlight\b/);
    await expect(row).toBeFocused();
    await expect(row).toBeInViewport();
  }
}

const test = languageTest.extend<{ overview: PortOverview }>({
  overview: async ({ page, lang }, use) => {
    await use(new PortOverview(page, lang));
  },
});

test.describe('permanent row links', () => {
  for (const { anchor, deployment, ruleId, tab, title } of rows) {
    test(`cold-loading #${anchor} shows "${title}" highlighted in the ${tab} tab`, async ({ overview }) => {
      // Open the overview straight at the row's anchor, as a link in a support article would.
      await overview.open(`#${anchor}`);
      // The row's tab is active, and the row is highlighted, focused and on screen.
      await overview.expectLandedOn(deployment, ruleId);
    });
  }

  test('a bare rule id opens the Onsite tab at its row', async ({ overview }) => {
    // Open the overview at the rule id alone.
    await overview.open('#ntp-time');
    // Onsite is the only tab with that rule, so it opens there.
    await overview.expectLandedOn('onsite', 'ntp-time');
  });

  test('a bare rule id in both tabs lands on its first row', async ({ overview }) => {
    // Open the overview at a rule that Cloud and Onsite both list.
    await overview.open('#sip-tls');
    // Cloud comes first.
    await overview.expectLandedOn('cloud', 'sip-tls');
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
    await overview.expectLandedOn('onsite', 'ntp-time');
    // A tab plus an old id lands on the rule's row in that tab.
    await overview.open('#onsite-sip-encrypted');
    await overview.expectLandedOn('onsite', 'sip-tls');
  });

  test('following in-page links and changing the hash moves to the new row', async ({ overview, page }) => {
    // Start on the Cloud tab.
    await overview.open('#cloud');
    await expect(overview.tab(overview.content.tab('cloud'))).toHaveAttribute('aria-selected', 'true');
    // Change the hash in place to a rule that only Onsite lists.
    await page.evaluate(() => {
      window.location.hash = 'ntp-time';
    });
    await overview.expectLandedOn('onsite', 'ntp-time');
    // Click the port of another row: its own anchor link.
    await overview
      .row(overview.content.rule('mail-relay'))
      .getByRole('link', { name: '25', exact: true })
      .click();
    await overview.expectLandedOn('onsite', 'mail-relay');
    // Only one row is highlighted at a time.
    await expect(page.locator('.pf-highlight')).toHaveCount(1);
    // Going back returns to the previous row.
    await page.goBack();
    await overview.expectLandedOn('onsite', 'ntp-time');
  });

  test('a row link on a rule page opens the overview at that row', async ({
    page,
    overview,
    t,
    at,
    content,
  }) => {
    // Open the rule page of a rule listed in both tabs.
    await page.goto(at('/rules/sip-tls/'));
    await expect(page.getByRole('heading', { level: 1, name: content.rule('sip-tls') })).toBeVisible();
    // Follow the link to its Onsite row.
    await page
      .getByRole('region', { name: content.tab('onsite') })
      .getByRole('link', { name: t('rulePage.showRow') })
      .click();
    await overview.expectLandedOn('onsite', 'sip-tls');
  });
});

test.describe('the index of all rules', () => {
  test('lists every rule with its permanent id and links to its page', async ({ page, at, content }) => {
    await page.goto(at('/rules/'));
    const rows = page.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(12);
    const ntp = rows.filter({ hasText: 'ntp-time' });
    await expect(ntp.getByRole('cell').nth(1)).toHaveText('123/UDP');
    await ntp.getByRole('link', { name: content.rule('ntp-time') }).click();
    await expect(page).toHaveURL(endsWith(at('/rules/ntp-time/')));
  });

  test.describe('on a 360 px phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('every id is in full view, without scrolling the table sideways', async ({ page, at }) => {
      await page.goto(at('/rules/'));
      for (const id of await page.locator('tbody code').all()) {
        const box = (await id.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
});

test('an unknown address answers 404 and leads back to the overview and the rules', async ({
  page,
  t,
  at,
}) => {
  // Under /de/ the server answers with the German 404 page.
  const response = await page.goto(at('/rules/no-such-rule/'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: t('notFound.title') })).toBeVisible();
  const content = page.getByRole('main');
  // "[All rules](/rules/) lists every rule …": the link is "All rules".
  await content.getByRole('link', { name: linkTextOf(t('notFound.rules')) }).click();
  await expect(page).toHaveURL(endsWith(at('/rules/')));
});

test.describe('copy link buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copying a row link puts its permanent address on the clipboard', async ({
    overview,
    page,
    baseURL,
    t,
    at,
    content,
  }) => {
    // Open the Onsite tab.
    await overview.open('#onsite');
    // Press the copy button in the NTP row.
    const title = content.rule('ntp-time');
    const row = overview.row(title);
    await row.getByRole('button', { name: t('table.copyRowLink', { title }) }).click();
    // The row says so, visibly and to screen readers.
    await expect(row.getByRole('status')).toHaveText(t('copy.linkCopied'));
    // The clipboard holds the row's address.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}${at('/#onsite-ntp-time')}`);
  });

  test('copying a tab link puts the tab address on the clipboard', async ({
    overview,
    page,
    baseURL,
    t,
    at,
    content,
  }) => {
    // Open the overview.
    await overview.open();
    // Press the copy button next to the Cloud summary.
    await overview
      .panel()
      .getByRole('button', { name: t('tabs.copyLink', { tab: content.tab('cloud') }) })
      .click();
    // The confirmation shows next to it.
    await expect(
      overview
        .panel()
        .getByRole('status')
        .filter({ hasText: t('copy.linkCopied') }),
    ).toBeVisible();
    // The clipboard holds the tab address.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${at('/#cloud')}`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('there are no copy buttons, and each row still links to itself', async ({ page, t, at, content }) => {
    // Open the overview at a row with scripts off.
    await page.goto(at('/#onsite-ntp-time'));
    // No dead controls: no "Copy link to …" button of a row or a tab.
    const copyButton = new RegExp(
      `^(?:${textPattern(t('table.copyRowLink'))}|${textPattern(t('tabs.copyLink'))})$`,
    );
    await expect(page.getByRole('button', { name: copyButton })).toHaveCount(0);
    // The row is there with its plain anchor link and its rule page link.
    const row = page.locator('#onsite-ntp-time');
    await expect(row.getByRole('link', { name: '123', exact: true })).toHaveAttribute(
      'href',
      '#onsite-ntp-time',
    );
    await expect(row.getByRole('link', { name: content.rule('ntp-time') })).toHaveAttribute(
      'href',
      at('/rules/ntp-time/'),
    );
  });
});
