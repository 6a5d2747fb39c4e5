import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

test.describe('deployment tabs', () => {
  test('Cloud is selected first and shows its nine rules', async ({ overview }) => {
    // Open the page without a fragment.
    await overview.open();
    await expect(overview.tab('Cloud')).toHaveAttribute('aria-selected', 'true');
    await expect(overview.panel('Cloud')).toBeVisible();
    await expect(overview.panel('Onsite')).toBeHidden();
    // The Cloud table has the nine rows of the original page.
    await expect(overview.rows(overview.panel('Cloud'))).toHaveCount(9);
    expect(overview.errors).toEqual([]);
  });

  test('clicking Onsite shows its twelve rules and puts the tab into the address bar', async ({
    overview,
    page,
  }) => {
    await overview.open();
    // Click the Onsite tab.
    await overview.tab('Onsite').click();
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    await expect(overview.panel('Onsite')).toBeVisible();
    await expect(overview.panel('Cloud')).toBeHidden();
    await expect(overview.rows(overview.panel('Onsite'))).toHaveCount(12);
    // The address bar now links to the tab in view.
    expect(new URL(page.url()).hash).toBe('#onsite');
    // Back to Cloud.
    await overview.tab('Cloud').click();
    expect(new URL(page.url()).hash).toBe('#cloud');
    expect(overview.errors).toEqual([]);
  });

  test('arrow keys, Home and End move between tabs with a roving tabindex', async ({ overview, page }) => {
    await overview.open();
    // Focus the selected tab.
    await overview.tab('Cloud').focus();
    await expect(overview.tab('Cloud')).toHaveAttribute('tabindex', '0');
    await expect(overview.tab('Onsite')).toHaveAttribute('tabindex', '-1');
    // ArrowRight selects and focuses Onsite.
    await page.keyboard.press('ArrowRight');
    await expect(overview.tab('Onsite')).toBeFocused();
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    await expect(overview.tab('Onsite')).toHaveAttribute('tabindex', '0');
    await expect(overview.tab('Cloud')).toHaveAttribute('tabindex', '-1');
    expect(new URL(page.url()).hash).toBe('#onsite');
    // ArrowRight wraps around to Cloud, ArrowLeft wraps back to Onsite.
    await page.keyboard.press('ArrowRight');
    await expect(overview.tab('Cloud')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(overview.tab('Onsite')).toBeFocused();
    // Home and End jump to the first and last tab.
    await page.keyboard.press('Home');
    await expect(overview.tab('Cloud')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('End');
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    // Tab moves focus out of the tablist into the panel, which shows the focus ring.
    await page.keyboard.press('Tab');
    await expect(overview.panel('Onsite')).toBeFocused();
    await expect(overview.panel('Onsite')).toHaveCSS('outline-style', 'solid');
  });

  test('a link to #onsite opens the Onsite tab', async ({ overview }) => {
    // Cold load with the tab in the fragment, as a support article links it.
    await overview.open('/#onsite');
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    await expect(overview.panel('Onsite')).toBeVisible();
    await expect(overview.panel('Cloud')).toBeHidden();
    // The browser focuses the linked panel; the selected tab shows where the reader is, so the
    // panel is not boxed in a focus ring.
    await expect(overview.panel('Onsite')).toBeFocused();
    await expect(overview.panel('Onsite')).toHaveCSS('outline-style', 'none');
    // Once the reader picks tabs, a panel reached with the keyboard has its ring again, even the
    // linked one.
    await overview.tab('Cloud').click();
    await overview.tab('Onsite').click();
    await overview.page.keyboard.press('Tab');
    await expect(overview.panel('Onsite')).toBeFocused();
    await expect(overview.panel('Onsite')).toHaveCSS('outline-style', 'solid');
  });

  test('a link to a row in the Onsite tab opens that tab and shows the row', async ({ overview, page }) => {
    await overview.open('/#onsite-ntp-time');
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#onsite-ntp-time')).toBeInViewport();
  });

  test('the code that follows fragments loads only for an address with one', async ({ overview, page }) => {
    const requested: string[] = [];
    page.on('request', (request) => {
      if (/\/tabs-fragments\.[\w-]+\.js$/.test(request.url())) requested.push(request.url());
    });
    // Without a fragment, the tabs work without it.
    await overview.open();
    await overview.tab('Onsite').click();
    await expect(overview.panel('Onsite')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual([]);
    // A link to a row fetches it, and the row is highlighted.
    await overview.open('/#onsite-ntp-time');
    await expect(page.locator('#onsite-ntp-time')).toHaveClass(/pf-highlight/);
    expect(requested).toHaveLength(1);
    expect(overview.errors).toEqual([]);
  });

  test('unknown fragments leave the Cloud tab selected, say so, and break nothing', async ({
    overview,
    t,
  }) => {
    await overview.open('/#%E0%A4%A');
    await expect(overview.tab('Cloud')).toHaveAttribute('aria-selected', 'true');
    // The note's first sentence: "This link points to “%E0%A4%A”, which is not on this page."
    const note = t('notice.missingFragment', { fragment: '“%E0%A4%A”' });
    await expect(overview.linkNote).toContainText(note.slice(0, note.indexOf('. ') + 1));
    expect(overview.errors).toEqual([]);
  });

  test('a link to a removed rule opens its tab and says the row is gone', async ({
    overview,
    page,
    t,
    at,
  }) => {
    // A support article still links the row of a rule that has since been removed.
    await overview.open('/#onsite-fax-relay');
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    await expect(overview.linkNote).toHaveText(
      t('notice.missingFragment', { fragment: '“onsite-fax-relay”', changelog: t('notice.changelogLink') }),
    );
    await expect(overview.linkNote.getByRole('link', { name: t('notice.changelogLink') })).toHaveAttribute(
      'href',
      at('/changelog/'),
    );
    // Its colours pass axe in both colour schemes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await overview.open('/#onsite-fax-relay');
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expect(overview.linkNote).toBeVisible();
      const results = await new AxeBuilder({ page }).include('.pf-link-note').analyze();
      expect(results.violations, colorScheme).toEqual([]);
    }
    // Following a link that leads somewhere takes the note away.
    await page.evaluate(() => (window.location.hash = '#onsite-ntp-time'));
    await expect(page.locator('#onsite-ntp-time')).toHaveClass(/pf-highlight/);
    await expect(overview.linkNote).toHaveCount(0);
    // Links to tabs, rows, rule ids and headings never show it.
    for (const hash of ['#cloud', '#sip-tls', '#cloud-rtp-voice', '#legend-heading']) {
      await overview.open(`/${hash}`);
      await expect(page.locator('pf-tabs')).toHaveAttribute('data-enhanced', '');
      await expect(overview.linkNote, hash).toHaveCount(0);
    }
    expect(overview.errors).toEqual([]);
  });

  test('picking a tab answers the note on a link that led nowhere', async ({ overview, page }) => {
    // On a phone the tabs are a screen below the top: the page scrolls to the note.
    await page.setViewportSize({ width: 360, height: 640 });
    await overview.open('/#fax-relay');
    await expect(overview.linkNote).toBeInViewport();
    await overview.tab('Onsite').click();
    await expect(overview.linkNote).toHaveCount(0);
  });
});

test.describe('tables and legend', () => {
  test('devices are named in the rows and in the legend', async ({ overview, page, t, content }) => {
    await overview.open();
    // The SIP row names its three devices in words beside their icons: desktop client, IP phone, mobile client.
    const sip = page.locator('#cloud-sip-tls');
    for (const id of ['desktop', 'phone', 'mobile']) {
      await expect(sip.getByText(content.device(id), { exact: true })).toBeVisible();
    }
    // The legend names all five devices next to their icons.
    const legend = page.getByRole('region', { name: t('legend.heading') });
    for (const id of ['server', 'desktop', 'mobile', 'phone', 'web']) {
      await expect(legend.getByText(content.device(id), { exact: true })).toBeVisible();
    }
    // No icon font: every icon is an inline SVG.
    expect(await page.locator('i.fas, i.fa').count()).toBe(0);
  });

  test('rows carry the corrected facts, what breaks when blocked, and no editorial notes', async ({
    overview,
    page,
    t,
    content,
  }) => {
    await overview.open('/#onsite');
    const ntp = page.locator('#onsite-ntp-time');
    await expect(ntp).toContainText('123');
    await expect(ntp).toContainText('UDP');
    await expect(ntp).toContainText('pool.ntp.org');
    // What breaks is in the row, without opening anything.
    await expect(
      ntp.getByText(content.data.rules.find((rule) => rule.id === 'ntp-time')!.ifBlocked),
    ).toBeVisible();
    // The corrections of the original table live on the rule pages and in the changelog, not here.
    await expect(page.getByText(t('correction.label'))).toHaveCount(0);
  });

  test('the Cloud target is the reader’s instance, and the note on addresses is visible', async ({
    overview,
    page,
    t,
    content,
  }) => {
    // Without an instance: the placeholder and the sentence on names and addresses under the table.
    await overview.open();
    const sip = page.locator('#cloud-sip-tls');
    await expect(sip).toContainText(`<${t('table.yourInstance')}>.pascom.cloud`);
    await expect(page.locator('#footnote-pascom-cloud')).toBeVisible();
    await expect(page.locator('#footnote-pascom-cloud')).toContainText(content.footnote('pascom-cloud'));
    // With the instance in the address, every Cloud target names it.
    await overview.open('/?host=acme#cloud');
    await expect(sip).toContainText('acme.pascom.cloud');
    await expect(page.locator('#cloud').getByText(`<${t('table.yourInstance')}>`)).toHaveCount(0);
    // A host outside pascom.cloud is not shown as a target.
    await overview.open('/?host=evil.example.com#cloud');
    await expect(sip).toContainText(`<${t('table.yourInstance')}>.pascom.cloud`);
  });

  test('inbound Onsite rows go to your pascom server through port forwarding', async ({
    overview,
    page,
    t,
    content,
  }) => {
    await overview.open('/#onsite');
    const sip = page.locator('#onsite-sip-tls');
    await expect(sip).toContainText(content.data.endpoints.find((e) => e.id === 'pascom-server')!.name);
    await expect(sip).toContainText(t('table.forwarded'));
    // The outbound mypascom row stands under its own outbound heading.
    await expect(page.locator('#onsite-devices-heading ~ * #onsite-mypascom-services')).toHaveCount(1);
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the page does not scroll sideways, in either tab', async ({ overview, page }) => {
    await overview.open();
    for (const name of ['Cloud', 'Onsite'] as const) {
      await overview.tab(name).click();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('both deployments are readable in full, one after the other', async ({ page, at, content }) => {
    await page.goto(at('/'));
    // No tab buttons that would do nothing.
    await expect(page.getByRole('tab')).toHaveCount(0);
    // Both sections, with their headings and every row, are visible.
    await expect(page.getByRole('heading', { name: content.tab('cloud'), level: 2 })).toBeVisible();
    await expect(page.getByRole('heading', { name: content.tab('onsite'), level: 2 })).toBeVisible();
    await expect(page.locator('#cloud tbody tr')).toHaveCount(9);
    await expect(page.locator('#onsite tbody tr')).toHaveCount(12);
    for (const row of await page.locator('tbody tr').all()) await expect(row).toBeVisible();
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the page follows the dark colour scheme', async ({ overview, page }) => {
    await overview.open();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(overview.rows(overview.panel('Cloud'))).toHaveCount(9);
  });
});

test.describe('site search', () => {
  test('the search button is named "Search" and opens the search dialog', async ({ overview, page, t }) => {
    await overview.open();
    // The header button keeps working after its accessible name was fixed.
    const button = page.getByRole('button', { name: t('frame.search'), exact: true });
    await button.click();
    await expect(page.getByRole('dialog', { name: t('frame.search') })).toBeVisible();
    expect(overview.errors).toEqual([]);
  });
});
