import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The port overview page, seen the way a reader uses it. */
export class PortOverviewPage {
  readonly tablist: Locator;
  /** Console errors and uncaught exceptions seen while the page was open. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    this.tablist = page.getByRole('tablist', { name: 'Deployment' });
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(error.message));
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
}

export const test = base.extend<{ overview: PortOverviewPage }>({
  overview: async ({ page }, use) => {
    await use(new PortOverviewPage(page));
  },
});

export { expect };
