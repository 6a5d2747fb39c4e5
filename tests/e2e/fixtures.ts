import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** Console errors and uncaught exceptions the page reports from now on, collected as they come. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The port overview page, seen the way a reader uses it. */
export class PortOverviewPage {
  readonly tablist: Locator;
  /** The note under the tabs on a link whose fragment leads nowhere. */
  readonly linkNote: Locator;
  /** Console errors and uncaught exceptions seen while the page was open. */
  readonly errors: string[];

  constructor(readonly page: Page) {
    this.tablist = page.getByRole('tablist', { name: 'Deployment' });
    this.linkNote = page.getByRole('status').filter({ hasText: 'This link points to' });
    this.errors = collectPageErrors(page);
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
  }

  tab(name: 'Cloud' | 'Onsite'): Locator {
    return this.tablist.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  panel(name: 'Cloud' | 'Onsite'): Locator {
    return this.page.getByRole('tabpanel', { name: new RegExp(`^${name}`) });
  }

  /** Data rows of every table in a panel. */
  rows(scope: Locator): Locator {
    return scope.locator('tbody tr');
  }

  /** The network diagram at the top of a tab, as the reader's screen shows it (wide or narrow). */
  diagram(name: 'Cloud' | 'Onsite'): Locator {
    return this.panel(name).getByRole('img', { name: `Network diagram of pascom ${name}`, exact: false });
  }
}

/** The "Firewall rules for your platform" panel below the tables. */
export class SnippetPanel {
  readonly region: Locator;
  readonly platform: Locator;
  readonly code: Locator;
  readonly copy: Locator;
  readonly download: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Firewall rules for your platform' });
    this.platform = this.region.getByRole('combobox', { name: 'Firewall platform' });
    this.code = this.region.getByRole('region', { name: /^Firewall rules for .+, / });
    this.copy = this.region.getByRole('button', { name: 'Copy', exact: true });
    this.download = this.region.getByRole('button', { name: /^Download / });
  }

  /** Scrolls to the panel, whose script loads as it nears the screen, and waits for its controls. */
  async reach(): Promise<void> {
    await this.region
      .getByRole('heading', { name: 'Firewall rules for your platform' })
      .scrollIntoViewIfNeeded();
    await expect(this.platform).toBeVisible();
  }

  field(label: string): Locator {
    return this.region.getByRole('textbox', { name: label });
  }

  /** The snippet text exactly as shown. */
  async text(): Promise<string> {
    return (await this.code.textContent()) ?? '';
  }
}

export const test = base.extend<{ overview: PortOverviewPage; snippets: SnippetPanel }>({
  overview: async ({ page }, use) => {
    await use(new PortOverviewPage(page));
  },
  snippets: async ({ page }, use) => {
    await use(new SnippetPanel(page));
  },
});

export { expect };
