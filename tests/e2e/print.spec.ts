import { test, expect } from './fixtures';

test.describe('printing the port overview', () => {
  test('prints both deployments in full, details expanded and controls hidden', async ({
    overview,
    snippets,
    page,
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
    // The tab buttons are gone; both panels and all 21 rows are there, each with its heading.
    await expect(overview.tablist).toBeHidden();
    await expect(page.locator('#cloud')).toBeVisible();
    await expect(page.locator('#onsite')).toBeVisible();
    await expect(page.locator('#cloud tbody tr:visible')).toHaveCount(9);
    await expect(page.locator('#onsite tbody tr:visible')).toHaveCount(12);
    await expect(page.locator('#cloud-title')).toBeVisible();
    // What each rule does and what breaks is printed without opening anything.
    await expect(page.locator('#cloud-sip-tls').getByText(/If blocked:/)).toBeVisible();
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
