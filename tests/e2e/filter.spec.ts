import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { EVENTS, type FilterChangeDetail } from '../../src/client/events';
import { localPath } from '../../src/lib/lang';
import {
  collectPageErrors,
  contentOf,
  escapeRegExp,
  languageTest,
  textsOf,
  type Lang,
  type SiteContent,
  type TabName,
  type Texts,
} from './fixtures';

declare global {
  interface Window {
    filterEvents: FilterChangeDetail[];
  }
}

/** The port overview as a reader of the filter sees it. */
class FilterPage {
  /** Console errors and uncaught exceptions seen while the page was open. */
  readonly errors: string[];
  readonly filter: Locator;
  readonly search: Locator;
  readonly protocol: Locator;
  readonly direction: Locator;
  readonly count: Locator;
  readonly clear: Locator;
  /** The one control that shows protocol, direction and text ("More filters"). */
  readonly more: Locator;
  readonly panel: Locator;

  private readonly content: SiteContent;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
    readonly t: Texts = textsOf(lang),
  ) {
    this.content = contentOf(lang);
    this.filter = page.getByRole('search', { name: t('filter.label') });
    this.search = this.filter.getByRole('searchbox', { name: t('filter.query') });
    this.protocol = this.filter.getByRole('combobox', { name: t('filter.protocol') });
    this.direction = this.filter.getByRole('combobox', { name: t('filter.direction') });
    this.count = this.filter.getByRole('status');
    this.clear = this.filter.getByRole('button', { name: t('filter.clear') });
    this.more = this.filter.locator('summary', { hasText: t('filter.more') });
    // Role locators skip hidden elements, so this is the panel of the tab in view.
    this.panel = page.getByRole('tabpanel');
    this.errors = collectPageErrors(page);
  }

  /** Opens the overview with a query and a fragment, in the language of the test. */
  async open(search = '', hash = ''): Promise<void> {
    await this.page.goto(localPath(this.lang, `/${search}${hash}`));
    await expect(this.filter).toBeVisible();
  }

  /** The result line: showing(4, 9) is "Showing 4 of 9 rules", showing(9, 9) "Showing all 9 rules". */
  showing(visible: number, total: number): string {
    const rules = this.t('count.rules', { count: total });
    return visible === total
      ? this.t('count.showingAll', { rules })
      : this.t('count.showingSome', { visible, rules });
  }

  /** The start of the note on values a link gave that the filter ignores: "This link’s filter has". */
  ignoredNoteStart(): string {
    const one = this.t('notice.ignoredOne');
    const many = this.t('notice.ignoredMany');
    let length = 0;
    while (length < one.length && one[length] === many[length]) length += 1;
    return one.slice(0, length).trimEnd();
  }

  /** A heading of a table in the tab in view. */
  groupHeading(id: string): Locator {
    return this.panel.getByRole('heading', { name: this.content.group(id) });
  }

  /** Opens "More filters", unless it is open. */
  async showMore(): Promise<void> {
    if (!(await this.more.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)))
      await this.more.click();
    await expect(this.search).toBeVisible();
  }

  /** Waits for the filter's code, which loads on demand, to have started. */
  async started(): Promise<void> {
    await this.page.waitForFunction(() => customElements.get('pf-filter') !== undefined);
  }

  /** A device chip, by the device's id: device('phone') is the "IP phone" chip. */
  device(id: string): Locator {
    return this.filter.getByRole('button', { name: this.content.device(id), exact: true });
  }

  tabName(name: TabName): string {
    return this.content.tab(name === 'Cloud' ? 'cloud' : 'onsite');
  }

  tab(name: TabName): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${this.tabName(name)}`) });
  }

  /** The table rows of the tab in view that a reader can see, as rule ids. */
  async visibleRules(): Promise<string[]> {
    return this.panel
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.rule ?? ''));
  }

  /** The ports of the visible rows of the tab in view, as the Port column's row links give them (without the protocol). */
  async visiblePorts(): Promise<string[]> {
    return this.panel
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td a')?.textContent.trim() ?? ''));
  }

  /** The query of the address bar; the filter writes it a moment after a change, so poll it. */
  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  async events(): Promise<FilterChangeDetail[]> {
    return this.page.evaluate(() => window.filterEvents);
  }
}

const test = languageTest.extend<{ overview: FilterPage }>({
  overview: async ({ page, lang, t }, use) => {
    // Record every pf-filter-change from the very start, as the snippet generator would.
    await page.addInitScript((name) => {
      window.filterEvents = [];
      document.addEventListener(name, (event) => {
        if (event instanceof CustomEvent) window.filterEvents.push(event.detail as FilterChangeDetail);
      });
    }, EVENTS.filterChange);
    await use(new FilterPage(page, lang, t));
  },
});

const PHONE_RULES = ['sip-tls', 'rtp-voice', 'ldaps-phonebook', 'phone-provisioning'];
const CLOUD_RULES = [
  'sip-tls',
  'rtp-voice',
  'ldaps-phonebook',
  'phone-provisioning',
  'mypascom-services',
  'video-stun',
  'chat-xmpp',
  'webrtc-webclient',
  'vpn-tunnel',
];

test('selecting "IP phone" on Cloud leaves exactly the four phone rules', async ({ overview, page, t }) => {
  // Open the Cloud tab: all nine rules. The filter's code loads on demand, so it has announced nothing yet.
  await overview.open('', '#cloud');
  await expect(overview.count).toHaveText(overview.showing(9, 9));
  expect(await overview.events()).toEqual([]);

  // Press the IP phone chip.
  await overview.device('phone').click();
  await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'true');

  // Exactly the phone's four ports remain, and the count says so.
  await expect.poll(() => overview.visiblePorts()).toEqual(['5061', '30000-35000', '636', '8884']);
  await expect(overview.count).toHaveText(overview.showing(4, 9));
  await expect(overview.tab('Cloud')).toHaveAccessibleName(
    new RegExp(
      `^${escapeRegExp(overview.tabName('Cloud'))}\\s*${escapeRegExp(t('count.tabSome', { visible: 4, rules: t('count.rules', { count: 9 }) }))}$`,
    ),
  );

  // The URL carries the filter and still names the tab.
  await expect.poll(() => overview.query().getAll('device')).toEqual(['phone']);
  await expect.poll(() => new URL(page.url()).hash).toBe('#cloud');

  // Listeners learn which rules are visible.
  expect((await overview.events()).at(-1)).toEqual({
    deployment: 'cloud',
    ruleIds: PHONE_RULES,
    deviceIds: ['phone'],
  });

  // Pressing the chip again brings every rule back.
  await overview.device('phone').click();
  await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => overview.visibleRules()).toEqual(CLOUD_RULES);
  await expect.poll(() => overview.query().has('device')).toBe(false);
});

test("the filter's code loads only when the reader reaches for the filter, and loses no press", async ({
  overview,
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (/\/filter\.[\w-]+\.js$/.test(request.url())) requested.push(request.url());
  });
  await overview.open('', '#onsite');
  // The tab in view decides the result line even before the filter runs.
  await expect(overview.count).toHaveText(overview.showing(12, 12));
  await page.waitForLoadState('networkidle');
  expect(requested).toEqual([]);

  // The very first press arrives before the code does, and still counts.
  await overview.device('web').click();
  await expect(overview.device('web')).toHaveAttribute('aria-pressed', 'true');
  // On Onsite the devices' mypascom.net row has its own table after the inbound one.
  await expect.poll(() => overview.visibleRules()).toEqual(['webrtc-webclient', 'mypascom-services']);
  await expect(overview.count).toHaveText(overview.showing(2, 12));
  expect(requested).toHaveLength(1);
});

test('a press made while the code is on its way counts, also when the address holds a filter', async ({
  overview,
  page,
  at,
}) => {
  // Hold the filter's code back until the press has been made.
  // The promise's executor runs at once, so `release` is set before anything calls it.
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/filter\.[\w-]+\.js$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto(at('/?protocol=tcp#cloud'), { waitUntil: 'domcontentloaded' });
  await overview.device('phone').click();
  release();
  // Both count: the address's TCP and the pressed IP phone leave the phone's three TCP ports.
  await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'true');
  await expect(overview.protocol).toHaveValue('tcp');
  await expect.poll(() => overview.visiblePorts()).toEqual(['5061', '636', '8884']);
  await expect.poll(() => overview.query().getAll('device')).toEqual(['phone']);
  expect(overview.errors).toEqual([]);
});

test("a press at first paint, before any of the page's scripts has arrived, is applied at once and kept", async ({
  overview,
  page,
  at,
}) => {
  // Hold back every script file of the page (the overview's, the filter's, the search's) until the
  // press has been made and seen.
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/.*\.js$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto(at('/'), { waitUntil: 'commit' });

  // Press the IP phone chip as soon as it is drawn.
  await overview.device('phone').click();

  // Before any script file has arrived, the chip shows pressed, the address holds the press and
  // the rows an IP phone does not need are gone: the first-paint script applied it.
  await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => overview.query().getAll('device')).toEqual(['phone']);
  // The tabs' script has not arrived either, so the rows are read from the Cloud panel itself.
  const drawnRows = () =>
    page
      .locator('#cloud tr[data-rule]')
      .evaluateAll((rows) =>
        rows.filter((row) => row.checkVisibility()).map((row) => (row as HTMLElement).dataset.rule),
      );
  await expect.poll(drawnRows).toEqual(PHONE_RULES);
  expect(await page.evaluate(() => customElements.get('pf-filter') === undefined)).toBe(true);

  // The scripts arrive, however late: the filter starts from the address and keeps the press.
  release();
  await overview.started();
  await expect(overview.count).toHaveText(overview.showing(4, 9));
  await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => overview.visibleRules()).toEqual(PHONE_RULES);
  expect((await overview.events()).at(-1)?.ruleIds).toEqual(PHONE_RULES);

  // And from now on the filter's code answers: the press is undone.
  await overview.device('phone').click();
  await expect.poll(() => overview.visibleRules()).toEqual(CLOUD_RULES);
  expect(overview.errors).toEqual([]);
});

test('devices combine with "any of", on both tabs', async ({ overview }) => {
  // Select the web client and the pascom server on Cloud.
  await overview.open('', '#cloud');
  await overview.device('web').click();
  await overview.device('server').click();
  await expect
    .poll(() => overview.visibleRules())
    .toEqual(['mypascom-services', 'webrtc-webclient', 'vpn-tunnel']);

  // Switch to Onsite: the same devices filter its twelve rules, and an event names them.
  await overview.tab('Onsite').click();
  await expect
    .poll(() => overview.visibleRules())
    .toEqual([
      'licence-server',
      'mail-relay',
      'ntp-time',
      'webrtc-webclient',
      'vpn-tunnel',
      'mypascom-services',
    ]);
  await expect(overview.count).toHaveText(overview.showing(6, 12));
  expect((await overview.events()).at(-1)?.deployment).toBe('onsite');

  // The URL lists the devices in legend order.
  await expect.poll(() => overview.query().getAll('device')).toEqual(['server', 'web']);
});

test('protocol and direction filter both tabs', async ({ overview, t }) => {
  // Choose UDP on Cloud, behind "More filters".
  await overview.open('', '#cloud');
  await overview.showMore();
  await overview.protocol.selectOption({ label: 'UDP' });
  await expect.poll(() => overview.visibleRules()).toEqual(['rtp-voice', 'video-stun', 'webrtc-webclient']);
  await expect.poll(() => overview.query().get('protocol')).toBe('udp');

  // On Onsite, UDP adds the time server.
  await overview.tab('Onsite').click();
  await expect
    .poll(() => overview.visibleRules())
    .toEqual(['ntp-time', 'rtp-voice', 'video-stun', 'webrtc-webclient']);

  // Inbound on Onsite: only the remote-access table is left (less the portal rule, which
  // still goes out to mypascom.net), and the server table disappears with its heading.
  await overview.protocol.selectOption({ label: t('filter.anyProtocol') });
  await overview.direction.selectOption({ label: t('direction.inbound') });
  await expect
    .poll(() => overview.visibleRules())
    .toEqual(CLOUD_RULES.filter((id) => id !== 'mypascom-services'));
  // "What your pascom server must reach" and "Devices reaching your pascom server over the internet".
  await expect(overview.groupHeading('onsite-server')).toBeHidden();
  await expect(overview.groupHeading('onsite-remote-access')).toBeVisible();
  await expect.poll(() => overview.query().get('direction')).toBe('inbound');
  await expect.poll(() => overview.query().has('protocol')).toBe(false);
});

test('free text finds a port inside a range and words of the function', async ({ overview }) => {
  // Type a port inside the RTP range on Cloud.
  await overview.open('', '#cloud');
  await overview.showMore();
  await overview.search.fill('31000');
  await expect.poll(() => overview.visiblePorts()).toEqual(['30000-35000']);
  await expect(overview.count).toHaveText(overview.showing(1, 9));
  await expect.poll(() => overview.query().get('q')).toBe('31000');

  // The Onsite tab finds the same range in its remote-access table.
  await overview.tab('Onsite').click();
  await expect.poll(() => overview.visibleRules()).toEqual(['rtp-voice']);

  // Words match case-insensitively in the function and its description.
  await overview.search.fill('VOICEMAIL');
  await expect.poll(() => overview.visibleRules()).toEqual(['mail-relay', 'mypascom-services']);
});

test('combined filters, and a copied URL reopens the same view, tab included', async ({
  overview,
  page,
  t,
}) => {
  // On Onsite, combine a device, a protocol, a direction and text.
  await overview.open('?fw=nftables', '#onsite');
  await overview.tab('Onsite').click();
  await overview.device('phone').click();
  await overview.showMore();
  await overview.protocol.selectOption({ label: 'UDP' });
  await overview.direction.selectOption({ label: t('direction.inbound') });
  await overview.search.fill('rtp');
  await expect.poll(() => overview.visibleRules()).toEqual(['rtp-voice']);

  // The parameter another feature owns is kept, and the fragment still names the tab.
  await expect.poll(() => overview.query().get('q')).toBe('rtp');
  const url = page.url();
  expect(new URL(url).searchParams.get('fw')).toBe('nftables');
  expect(new URL(url).hash).toBe('#onsite');

  // Reload the copied URL: the same tab, controls and rows come back.
  await page.goto('about:blank');
  await page.goto(url);
  await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
  await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'true');
  await expect(overview.protocol).toHaveValue('udp');
  await expect(overview.direction).toHaveValue('inbound');
  await expect(overview.search).toHaveValue('rtp');
  await expect.poll(() => overview.visibleRules()).toEqual(['rtp-voice']);
  await expect(overview.count).toHaveText(overview.showing(1, 12));

  // The event on load describes the reopened view.
  expect(await overview.events()).toEqual([
    { deployment: 'onsite', ruleIds: ['rtp-voice'], deviceIds: ['phone'] },
  ]);
});

test('garbage in the query is ignored, said so, and breaks nothing', async ({ overview, page, t }) => {
  // Any dialog would mean markup from the URL ran as script.
  page.on('dialog', (dialog) => {
    overview.errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });

  // Open a link with unknown, repeated and garbled parameters.
  await overview.open('?device=toaster&device=&protocol=%E0%A4%A&direction=sideways&direction=up&host=pbx');
  await overview.started();
  await expect.poll(() => overview.visibleRules()).toEqual(CLOUD_RULES);
  await expect(overview.count).toHaveText(overview.showing(9, 9));
  // The filter says what it ignored, so nobody takes the full table for what the link meant.
  await expect(overview.filter.getByText(overview.ignoredNoteStart())).toHaveText(
    t('notice.ignoredMany', {
      values: `device “toaster”, protocol “\uFFFD%A”, direction “sideways” ${t('notice.and')} direction “up”`,
    }),
  );
  for (const id of ['server', 'desktop', 'mobile', 'phone', 'web']) {
    await expect(overview.device(id)).toHaveAttribute('aria-pressed', 'false');
  }

  // Markup in the text is only text: it lands in the search box and matches nothing.
  await overview.open('?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  await expect(overview.search).toHaveValue('<img src=x onerror=alert(1)>');
  await expect.poll(() => overview.visibleRules()).toEqual([]);

  // A change rewrites the filter's own parameters and keeps the foreign one; the note goes with
  // the values it named.
  await overview.open('?device=toaster&protocol=%E0%A4%A&host=pbx');
  await expect(overview.filter.getByText(overview.ignoredNoteStart())).toBeVisible();
  await overview.device('web').click();
  await expect.poll(() => new URL(page.url()).search).toBe('?host=pbx&device=web');
  await expect(overview.filter.getByText(overview.ignoredNoteStart())).toHaveCount(0);

  // Nothing went wrong on the way.
  expect(overview.errors).toEqual([]);
});

test('an empty result says so, and the one reset brings every rule back', async ({ overview, t }) => {
  // Inbound rules do not exist on Cloud.
  await overview.open('?direction=inbound', '#cloud');
  await expect(overview.count).toHaveText(overview.showing(0, 9));
  await expect(
    overview.filter.getByText(t('filter.noMatch', { tab: overview.tabName('Cloud') })),
  ).toBeVisible();
  await expect.poll(() => overview.visibleRules()).toEqual([]);
  await expect(overview.panel.getByRole('table')).toHaveCount(0);

  // The Onsite tab has matches, so its view shows rows and no empty message.
  await overview.tab('Onsite').click();
  await expect.poll(() => overview.visibleRules()).toHaveLength(8);
  await expect(overview.count).toHaveText(overview.showing(8, 12));
  await expect(
    overview.filter.getByText(t('filter.noMatch', { tab: overview.tabName('Onsite') })),
  ).toBeHidden();

  // Back on Cloud, "Clear filters", the filter's one reset, resets every control and keeps focus
  // in the filter.
  await overview.tab('Cloud').click();
  await expect(overview.filter.getByRole('button')).toHaveCount(6);
  await overview.clear.click();
  await expect.poll(() => overview.visibleRules()).toEqual(CLOUD_RULES);
  await expect(overview.direction).toHaveValue('');
  await expect(overview.device('server')).toBeFocused();
  await expect(overview.clear).toBeHidden();
  await expect.poll(() => overview.query().size).toBe(0);
});

test('a port no rule lists is said to be missing from the list, naming the nearest listed one', async ({
  overview,
  t,
  content,
  at,
}) => {
  // Type 5060, plain SIP, which pascom does not list: nothing matches.
  await overview.open('', '#cloud');
  await overview.showMore();
  await overview.search.fill('5060');
  await expect(overview.count).toHaveText(overview.showing(0, 9));

  // The empty state says so and names 5061, the SIP connection, linked to its rule page.
  const [sentence = ''] = t('filter.nearestPort', { port: 5061 }).split('{rule}');
  const note = overview.filter.getByText(t('filter.portNotListed', { port: 5060 }));
  await expect(note).toBeVisible();
  await expect(note).toContainText(`${sentence}${content.rule('sip-tls')}.`);
  await expect(note.getByRole('link', { name: content.rule('sip-tls') })).toHaveAttribute(
    'href',
    at('/rules/sip-tls/'),
  );
  // It replaces the general sentence, which would say less.
  await expect(
    overview.filter.getByText(t('filter.noMatch', { tab: overview.tabName('Cloud') })),
  ).toBeHidden();

  // A listed port that the tab does not use gets the general sentence, not the note.
  await overview.search.fill('25');
  await expect(
    overview.filter.getByText(t('filter.noMatch', { tab: overview.tabName('Cloud') })),
  ).toBeVisible();
  await expect(note).toBeHidden();
});

test('the text finds the rules a device needs by its name', async ({ overview, content }) => {
  // "phone" in English, "Telefon" in German: the IP phone's name, not words of the rules.
  await overview.open('', '#cloud');
  await overview.showMore();
  const word = content.device('phone').split(/[\s-]/).at(-1) ?? '';
  await overview.search.fill(word);
  await expect.poll(() => overview.visibleRules()).toEqual(expect.arrayContaining(PHONE_RULES));
  await expect.poll(() => overview.visibleRules()).not.toContain('chat-xmpp');
});

test('"Clear filters" shows only while a filter is set', async ({ overview }) => {
  // Without a filter there is nothing to clear.
  await overview.open();
  await expect(overview.clear).toBeHidden();

  // With a filter, the button appears and clears everything.
  await overview.showMore();
  await overview.search.fill('5061');
  await overview.device('mobile').click();
  await expect(overview.count).toHaveText(overview.showing(1, 9));
  await overview.clear.click();
  await expect(overview.count).toHaveText(overview.showing(9, 9));
  await expect(overview.search).toHaveValue('');
  await expect(overview.device('mobile')).toHaveAttribute('aria-pressed', 'false');
  await expect(overview.clear).toBeHidden();
});

test('the filter works with the keyboard alone', async ({ overview, page }) => {
  // Focus the IP phone chip and press it with Space.
  await overview.open('', '#cloud');
  await overview.device('phone').focus();
  await page.keyboard.press('Space');
  await expect(overview.count).toHaveText(overview.showing(4, 9));

  // Tab to the next chip and press it with Enter.
  await page.keyboard.press('Tab');
  await expect(overview.device('web')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(overview.count).toHaveText(overview.showing(6, 9));

  // Open "More filters" with Enter, then type into the search box after tabbing past the selects.
  await page.keyboard.press('Tab');
  await expect(overview.more).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(overview.search).toBeFocused();
  await page.keyboard.type('443');
  await expect(overview.count).toHaveText(overview.showing(1, 9));
});

test('at 360 px the filter and the tables fit without horizontal scrolling', async ({ overview, page }) => {
  // Use a phone-sized window with a filter set.
  await page.setViewportSize({ width: 360, height: 800 });
  await overview.open('?device=phone&q=5', '#cloud');
  await expect(overview.count).toHaveText(overview.showing(1, 9));

  // Check the page width on both tabs, filtered and unfiltered.
  for (const name of ['Cloud', 'Onsite'] as const) {
    await overview.tab(name).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  await overview.clear.click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the filter passes axe in ${colorScheme} mode`, async ({ overview, page }) => {
    // Show pressed chips, a typed query, the empty state and the note on an ignored value, so all
    // their colours are checked.
    await page.emulateMedia({ colorScheme });
    await overview.open('?device=phone&device=toaster&q=nothing-matches', '#cloud');
    await expect(overview.clear).toBeVisible();
    await expect(overview.search).toBeVisible();
    await expect(overview.filter.getByText(overview.ignoredNoteStart())).toBeVisible();

    // Run axe over the filter.
    const results = await new AxeBuilder({ page }).include('pf-filter').analyze();
    expect(results.violations).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every row is shown and no filter control is offered', async ({ page, at, t, content }) => {
    // Open a filtered link in a browser without scripts.
    await page.goto(at('/?device=phone#cloud'));

    // The controls are hidden, so none of them is dead.
    await expect(page.getByRole('search', { name: t('filter.label') })).toBeHidden();
    await expect(page.getByRole('button', { name: content.device('phone') })).toHaveCount(0);

    // Both tabs' tables are complete: 9 Cloud rules and 12 Onsite rules.
    await expect(
      page
        .locator('#cloud')
        .getByRole('row')
        .filter({ has: page.getByRole('cell') }),
    ).toHaveCount(9);
    await expect(
      page
        .locator('#onsite')
        .getByRole('row')
        .filter({ has: page.getByRole('cell') }),
    ).toHaveCount(12);
  });
});

test.describe('a row link and a filter that hides the row', () => {
  test('the link wins: the filter is cleared and the row is shown, highlighted', async ({
    overview,
    page,
    at,
  }) => {
    // A link that asks for IP phone rules and, at the same time, for the VPN tunnel row (pascom server only).
    await page.goto(at('/?device=phone#cloud-vpn-tunnel'));
    const row = page.locator('#cloud-vpn-tunnel');
    await expect(row).toBeVisible();
    await expect(row).toHaveClass(/pf-highlight/);
    await expect(row).toBeInViewport();
    // The filter no longer hides anything.
    await expect(overview.device('phone')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('#cloud tbody tr:visible')).toHaveCount(9);
  });
});
