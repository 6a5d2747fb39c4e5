import type { Locator } from '@playwright/test';
import { test as base, expect, type PortOverviewPage } from './fixtures';

/** The "Machine-readable data" box below the port tables of the overview. */
class FeedLinksSection {
  readonly region: Locator;
  constructor(readonly overview: PortOverviewPage) {
    this.region = overview.page.getByRole('complementary', { name: 'Machine-readable data' });
  }
  async open(): Promise<void> {
    await this.overview.open();
  }
  link(name: string): Locator {
    return this.region.getByRole('link', { name, exact: true });
  }
}

const test = base.extend<{ feeds: FeedLinksSection }>({
  feeds: async ({ overview }, use) => {
    await use(new FeedLinksSection(overview));
  },
});

test('the overview links to every feed, and each link serves its data', async ({ feeds, request }) => {
  // Open the port overview and find the feed links below the tables.
  await feeds.open();
  await expect(feeds.region).toContainText(
    /Data version \d{4}\.\d{2}\.\d{2}\.\d+, updated \d{4}-\d{2}-\d{2}/,
  );

  // Every link answers with the content type and first bytes its format promises.
  const expectations: [string, RegExp][] = [
    ['JSON', /^\{\s*"\$schema"/],
    ['JSON Schema', /"https:\/\/json-schema\.org\/draft\/2020-12\/schema"/],
    ['CSV', /^"id","rule","aliases","deployment","direction","ports",/],
    [
      'Onsite, inbound to your network',
      /^# pascom firewall ports: Onsite, inbound to your network\n[\s\S]*\n5061\/tcp pascom-server\n/,
    ],
    ['Atom feed', /^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"[^>]*>/],
  ];
  for (const [name, body] of expectations) {
    const href = await feeds.link(name).getAttribute('href');
    expect(href, `link "${name}"`).toBeTruthy();
    const response = await request.get(href!);
    expect(response.ok(), href!).toBe(true);
    expect(await response.text()).toMatch(body);
  }
});

test('the changelog page lists the current version and links rule ids to their rows', async ({
  feeds,
  page,
}) => {
  // Follow the changelog link from the overview.
  await feeds.open();
  await feeds.link('Changelog').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Changelog' })).toBeVisible();
  await expect(page.getByText(/The current version is/)).toContainText(
    /The current version is \d{4}\.\d{2}\.\d{2}\.\d+, published on \d{4}-\d{2}-\d{2}\./,
  );

  // The rule id of a correction leads to the rule's row in the Onsite tab.
  await page.getByRole('link', { name: 'ntp-time' }).first().click();
  await expect(page).toHaveURL(/\/#onsite-ntp-time$/);
  await expect(page.locator('#onsite-ntp-time')).toBeVisible();
});

test('every page announces the Atom feed to feed readers', async ({ page }) => {
  // The link element sits in the head of the overview.
  await page.goto('/');
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    'href',
    '/changelog.xml',
  );
});
