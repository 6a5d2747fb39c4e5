import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, PANEL_LOAD_TIMEOUT } from './fixtures';

/**
 * The German edition in a browser: the same link scheme as the English pages
 * (ids, tab fragments, query parameters), German texts from the scripts too, and
 * a language switch that keeps the reader's place.
 */

/** Where a link landed: the tab in view, the rows a reader sees, and the row that has focus. */
async function landing(page: Page) {
  await expect(page.locator('.pf-highlight')).toBeFocused();
  return page.evaluate(() => ({
    tab: document.querySelector('.pf-tab[aria-selected="true"]')?.getAttribute('data-deployment'),
    rows: [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]:not([hidden]) tbody tr')]
      .filter((row) => row.checkVisibility())
      .map((row) => row.id),
    focused: document.activeElement?.id,
    pressed: [...document.querySelectorAll('.pf-chip[aria-pressed="true"]')].map((chip) =>
      chip.getAttribute('data-device'),
    ),
  }));
}

test('a German link with a filter and a row fragment lands like its English twin', async ({ page }) => {
  const errors = collectPageErrors(page);
  const link = '?device=phone#onsite-sip-tls';
  await page.goto(`/${link}`);
  const english = await landing(page);
  await page.goto(`/de/${link}`);
  const german = await landing(page);
  expect(german).toEqual(english);
  expect(german.focused).toBe('onsite-sip-tls');
  // The scripts write German: the tab counts and the filter's result line.
  await expect(page.getByRole('tab', { name: /^Onsite/ })).toContainText(/Regeln\)/);
  await expect(page.getByRole('search', { name: 'Portregeln filtern' }).getByRole('status')).toHaveText(
    /werden angezeigt$/,
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(errors).toEqual([]);
});

test('the language picker leads to the same page in German, keeping the filter and the row', async ({
  page,
}) => {
  await page.goto('/?device=phone#onsite');
  await expect(page.getByRole('tab', { name: /^Onsite/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('combobox', { name: 'Select language' }).first().selectOption({ label: 'Deutsch' });
  await page.waitForURL(/\/de\//);
  const url = new URL(page.url());
  expect(`${url.pathname}${url.search}${url.hash}`).toBe('/de/?device=phone#onsite');
  await expect(page.getByRole('tab', { name: /^Onsite/ })).toHaveAttribute('aria-selected', 'true');
  // A rule page leads to its German twin.
  await page.goto('/rules/sip-tls/');
  await page.getByRole('combobox', { name: 'Select language' }).first().selectOption({ label: 'Deutsch' });
  await page.waitForURL(/\/de\/rules\/sip-tls\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SIP-Verbindung');
});

/** Opens a German address and scrolls to the snippet panel, whose script loads as it nears the screen. */
async function germanPanel(page: Page, path: string) {
  await page.goto(path);
  const panel = page.getByRole('region', { name: 'Firewall-Regeln für Ihre Plattform' });
  await panel.getByRole('heading', { name: 'Firewall-Regeln für Ihre Plattform' }).scrollIntoViewIfNeeded();
  return panel;
}

test('the snippet panel on a German page writes German rules, with the same rules as in English', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  const panel = await germanPanel(page, '/de/?fw=nftables#cloud');
  const platform = panel.getByRole('combobox', { name: 'Firewall-Plattform' });
  await expect(platform).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
  const code = panel.getByRole('region', { name: /^Firewall-Regeln für nftables, Cloud/ });
  await expect(code).toContainText('# pascom Firewall-Regeln für nftables: Cloud (9 Regeln).');
  await expect(code).toContainText('tcp dport 5061 accept');
  await expect(panel.getByRole('button', { name: 'Kopieren', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a wrong value in a personalisation field gets a German message, typed or from a link', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  const panel = await germanPanel(page, '/de/?fw=nftables#cloud');
  // Type a prefix that is too long into the network field and leave the field.
  const network = panel.getByRole('textbox', { name: 'Ihr Netzwerk' });
  await expect(network).toBeVisible({ timeout: PANEL_LOAD_TIMEOUT });
  await network.fill('10.20.0.0/33');
  await network.press('Tab');
  // The field is marked, and its error, tied to it, is German.
  await expect(network).toHaveAttribute('aria-invalid', 'true');
  await expect(network).toHaveAccessibleDescription(
    /^Ihr Netzwerk: ein IPv4-Präfix ist höchstens \/32 lang\. /,
  );
  await expect(panel.getByText('Ihr Netzwerk: ein IPv4-Präfix ist höchstens /32 lang.')).toBeVisible();

  // A German link with a bad network and a host name for the server address.
  await germanPanel(page, '/de/?fw=nftables&net=10.0.0.0%2F33&server=pbx.example.com#onsite');
  // Each value stands in its field, marked, with its error in German.
  await expect(network).toHaveValue('10.0.0.0/33');
  await expect(network).toHaveAttribute('aria-invalid', 'true');
  await expect(network).toHaveAccessibleDescription(
    /^Ihr Netzwerk: ein IPv4-Präfix ist höchstens \/32 lang\. /,
  );
  const server = panel.getByRole('textbox', { name: 'Adresse des pascom Servers (Onsite)' });
  await expect(server).toHaveAccessibleDescription(
    /^Adresse des pascom Servers \(Onsite\): „pbx\.example\.com“ ist keine IPv4- oder IPv6-Adresse \(keine Hostnamen, kein \/Präfix\)\. /,
  );
  await expect(panel.getByText('Die Regeln unten lassen die markierten Felder aus')).toBeVisible();
  // No English message anywhere in the panel.
  await expect(panel).not.toContainText(/prefix is at most|is not an IPv4|leave out the marked/);
  expect(errors).toEqual([]);
});

test('the search on a German page finds German pages only, and the English search English ones', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  const found = async (path: string, button: string, dialog: string, query: string) => {
    await page.goto(path);
    await page.getByRole('button', { name: button, exact: true }).click();
    const search = page.getByRole('dialog', { name: dialog });
    await search.getByRole('textbox', { name: dialog }).fill(query);
    const results = search.locator('.pagefind-ui__result-link');
    await expect(results.first()).toBeVisible({ timeout: 15_000 });
    return results.evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
  };
  const german = await found('/de/', 'Suchen', 'Suchen', 'SIP');
  expect(german.length).toBeGreaterThan(0);
  expect(german.filter((path) => !path.startsWith('/de/'))).toEqual([]);
  const english = await found('/', 'Search', 'Search', 'SIP');
  expect(english.length).toBeGreaterThan(0);
  expect(english.filter((path) => path.startsWith('/de/'))).toEqual([]);
  expect(errors).toEqual([]);
});
