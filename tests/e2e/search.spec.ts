import type { Locator, Page } from '@playwright/test';
import { collectPageErrors, expect, languageTest, type Texts } from './fixtures';

/** The site search (Starlight's Pagefind dialog), as a reader uses it. */
class SiteSearch {
  readonly dialog: Locator;
  readonly box: Locator;
  readonly errors: string[];

  constructor(
    readonly page: Page,
    readonly t: Texts,
  ) {
    this.dialog = page.getByRole('dialog', { name: t('frame.search') });
    this.box = this.dialog.locator('#starlight__search input');
    this.errors = collectPageErrors(page);
  }

  /**
   * Opens the search from the page's header, once Pagefind's box is there. A press before
   * Starlight's search script has started opens nothing, so the reader presses again.
   */
  async open(): Promise<void> {
    await expect(async () => {
      if (!(await this.dialog.isVisible())) {
        await this.page
          .getByRole('button', { name: this.t('frame.search') })
          .first()
          .click();
      }
      await expect(this.box).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** The answer to a port, above Pagefind's results. */
  answer(port: number): Locator {
    return this.dialog.getByRole('region', { name: this.t('search.portsLabel', { port }) });
  }
}

const test = languageTest.extend<{ search: SiteSearch }>({
  search: async ({ page, t }, use) => {
    await use(new SiteSearch(page, t));
  },
});

for (const path of ['/', '/rules/']) {
  test(`on ${path} the search finds a rule by a port inside its range: 31000 is RTP voice`, async ({
    search,
    page,
    at,
    t,
    content,
  }) => {
    // Open the search and type a port that only the RTP range holds.
    await page.goto(at(path));
    await search.open();
    await search.box.fill('31000');

    // The answer names RTP voice with its range, linked to its rule page in the page's language.
    const answer = search.answer(31000);
    await expect(answer).toContainText(t('search.portListed', { port: 31000 }));
    const rule = answer.getByRole('link', { name: content.rule('rtp-voice') });
    await expect(rule).toHaveAttribute('href', at('/rules/rtp-voice/'));
    await expect(answer.getByRole('listitem')).toHaveText([`${content.rule('rtp-voice')} 30000-35000/UDP`]);
    expect(search.errors).toEqual([]);
  });
}

test('a port no rule lists names the nearest listed one, and words stay with Pagefind', async ({
  search,
  page,
  at,
  t,
  content,
}) => {
  // Search for 5060, which pascom does not list.
  await page.goto(at('/'));
  await search.open();
  await search.box.fill('5060');
  const answer = search.answer(5060);
  await expect(answer).toContainText(t('filter.portNotListed', { port: 5060 }));
  await expect(answer.getByRole('link', { name: content.rule('sip-tls') })).toHaveAttribute(
    'href',
    at('/rules/sip-tls/'),
  );

  // A word is Pagefind's alone: its results show, and the port answer is gone.
  await search.box.fill(content.rule('rtp-voice'));
  await expect(search.dialog.locator('.pagefind-ui__result').first()).toBeVisible();
  await expect(search.dialog.locator('.pf-port-answer')).toBeHidden();
  expect(search.errors).toEqual([]);
});
