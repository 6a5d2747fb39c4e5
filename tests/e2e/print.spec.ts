import { test, expect } from './fixtures';

test.describe('printing the port overview', () => {
  test('prints what the screen shows, names the tab and its count, and hides the controls', async ({
    overview,
    snippets,
    page,
    content,
  }) => {
    // Open the Onsite tab with a filter set and a firewall chosen, as a reader might before printing.
    await overview.open('/?fw=nftables&device=phone#onsite');
    // Scroll to the firewall rules, so their form is there too, then back up.
    await snippets.reach();
    await expect(snippets.download).toBeVisible();
    await overview.tablist.scrollIntoViewIfNeeded();
    await expect(page.locator('#onsite tbody tr:visible')).toHaveCount(4);
    await expect(overview.tab('Onsite')).toHaveAttribute('aria-selected', 'true');
    // On screen there are copy-link buttons.
    const copyButtons = page.getByRole('button', { name: /copy link/i });
    expect(await copyButtons.count()).toBeGreaterThan(0);
    // Switch to the print stylesheet.
    await page.emulateMedia({ media: 'print' });
    // The paper shows the chosen tab with its filter's count ("Onsite (4 of 12 rules)") and its
    // four rows, as the screen does; the other tab and its button are not printed.
    await expect(overview.tab('Onsite')).toBeVisible();
    await expect(overview.tab('Onsite')).toContainText(/\b4\b.*\b12\b/);
    await expect(overview.tab('Cloud')).toBeHidden();
    await expect(page.locator('#cloud')).toBeHidden();
    await expect(page.locator('#onsite tbody tr:visible')).toHaveCount(4);
    // What breaks is printed with each row.
    const ldaps = content.data.rules.find((rule) => rule.id === 'ldaps-phonebook')!;
    await expect(page.locator('#onsite-ldaps-phonebook').getByText(ldaps.ifBlocked)).toBeVisible();
    // The filter form is not printed.
    await expect(page.locator('pf-filter')).toBeHidden();
    // Controls that only work on screen are not printed.
    for (const button of await copyButtons.all()) await expect(button).toBeHidden();
    await expect(snippets.platform).toBeHidden();
    await expect(snippets.field('Your network')).toBeHidden();
    await expect(snippets.copy).toBeHidden();
    await expect(snippets.download).toBeHidden();
    // The rules themselves print in full, not cut off at the height of their on-screen scroll box.
    await expect(snippets.code).toBeVisible();
    const box = await snippets.code.evaluate((code) => ({
      scroll: code.scrollHeight,
      client: code.clientHeight,
      maxHeight: getComputedStyle(code).maxHeight,
    }));
    expect(box.maxHeight).toBe('none');
    expect(box.scroll).toBeLessThanOrEqual(box.client);
  });
});
