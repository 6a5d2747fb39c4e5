import { test, expect } from './fixtures';

test.describe('strict Content-Security-Policy', () => {
  test('pages are served with the CSP of dist/_headers, without unsafe-inline scripts', async ({ page }) => {
    // Load the overview and read the policy it arrived with.
    const response = await page.goto('/');
    const policy = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('tabs, links, firewall rules and search work with zero CSP violations', async ({
    overview,
    snippets,
    page,
  }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    // Use the page the way a reader does: tabs by mouse and keyboard, a row link, the firewall rules, search.
    await overview.open('/#onsite-ntp-time');
    await overview.tab('Cloud').click();
    await page.keyboard.press('ArrowRight');
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    // Scroll to the firewall rules: their form, stylesheet and a generator load; pick another platform.
    await snippets.reach();
    await snippets.platform.selectOption('pf');
    await expect(snippets.code).toContainText('pass quick');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).fill('NTP');
    await expect(dialog.getByRole('link').first()).toBeVisible();
    // The browser reported nothing blocked, and nothing broke.
    expect(violations).toEqual([]);
    expect(overview.errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
    expect(overview.errors).toEqual([]);
  });
});
