import type { Page } from '@playwright/test';
import { escapeRegExp, expect, languageTest, type SiteContent } from './fixtures';

/**
 * Links into the overview show the right rows from the first paint, on a slow
 * connection and a slow machine too: the page must never paint a row of another
 * tab, or a row the address's filter leaves out, and then switch once the
 * scripts have arrived.
 */

declare global {
  interface Window {
    /** Rows that were drawn although they must not be, one entry per row and frame. */
    paintedWrongly: string[];
    /** Rows that were drawn and may be, so the check is known to have seen the tables at all. */
    paintedRightly: number;
  }
}

/** The anchors of a tab's rows, of those whose devices `keep` accepts. */
const anchors = (
  content: SiteContent,
  deployment: string,
  keep: (devices: string[]) => boolean = () => true,
) =>
  content.data.deployments
    .find((candidate) => candidate.id === deployment)!
    .placements.filter((placement) => keep(placement.rule.devices.map((device) => device.id)))
    .map((placement) => placement.anchor);

/** Chrome DevTools' "Slow 3G" preset: 400 kbit/s, 2 s latency (its 400 ms RTT times five). */
const SLOW_3G = {
  offline: false,
  latency: 400 * 5,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
};

class ThrottledOverview {
  constructor(readonly page: Page) {}

  /**
   * Watches every frame from the very start of the page: requestAnimationFrame
   * runs before each paint, so a row seen visible there is a row the reader
   * sees. `forbidden` rows must never be drawn; `allowed` ones may be.
   */
  async watch(forbidden: string[], allowed: string[]): Promise<void> {
    await this.page.addInitScript(
      ({ forbidden, allowed }) => {
        window.paintedWrongly = [];
        window.paintedRightly = 0;
        const drawn = (id: string) => {
          const row = document.getElementById(id);
          return row !== null && row.checkVisibility() && row.getClientRects().length > 0;
        };
        const check = () => {
          for (const id of forbidden) if (drawn(id)) window.paintedWrongly.push(id);
          if (allowed.some(drawn)) window.paintedRightly += 1;
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { forbidden, allowed },
    );
  }

  /** Slows the network to Slow 3G and the processor four times, as the browser's developer tools do. */
  async throttle(): Promise<void> {
    const session = await this.page.context().newCDPSession(this.page);
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', SLOW_3G);
    await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }

  /** Opens the link and waits until every script that can change the tables has taken over. */
  async open(path: string, { filtered }: { filtered: boolean }): Promise<void> {
    await this.page.goto(path, { timeout: 60_000 });
    await expect(this.page.locator('pf-tabs')).toHaveAttribute('data-enhanced', '', { timeout: 30_000 });
    await expect(this.page.locator('#onsite-ntp-time')).toBeAttached();
    if (filtered) {
      await this.page.waitForFunction(() => customElements.get('pf-filter') !== undefined, undefined, {
        timeout: 30_000,
      });
    }
    // A few more frames, so a switch made by the last script to arrive is seen too.
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }

  async painted(): Promise<{ wrongly: string[]; rightly: number }> {
    return this.page.evaluate(() => ({
      wrongly: [...new Set(window.paintedWrongly)],
      rightly: window.paintedRightly,
    }));
  }
}

const test = languageTest.extend<{ overview: ThrottledOverview }>({
  overview: async ({ page }, use) => {
    await use(new ThrottledOverview(page));
  },
});

test.describe('a link shows its tab from the first paint, on Slow 3G with a 4× slower processor', () => {
  // Every request waits two seconds; the page, its script and the on-demand code take several.
  test.slow();

  for (const path of ['/#onsite', '/#onsite-ntp-time']) {
    test(`${path} never paints a Cloud row`, async ({ overview, page, content, at }) => {
      // Watch every frame for Cloud rows, then open the link throttled.
      await overview.watch(anchors(content, 'cloud'), anchors(content, 'onsite'));
      await overview.throttle();
      await overview.open(at(path), { filtered: false });
      // The Onsite tab is selected at the end, and no Cloud row was ever drawn on the way.
      await expect(
        page.getByRole('tab', { name: new RegExp(`^${escapeRegExp(content.tab('onsite'))}`) }),
      ).toHaveAttribute('aria-selected', 'true');
      const painted = await overview.painted();
      expect(painted.wrongly).toEqual([]);
      expect(painted.rightly).toBeGreaterThan(0);
    });
  }

  test('/?device=phone#onsite never paints a Cloud row, nor an Onsite row the phone does not use', async ({
    overview,
    page,
    content,
    at,
  }) => {
    // Watch for Cloud rows and for Onsite rows that serve no IP phone.
    const phone = (devices: string[]) => devices.includes('phone');
    const others = anchors(content, 'onsite', (devices) => !phone(devices));
    expect(others.length).toBeGreaterThan(0);
    await overview.watch([...anchors(content, 'cloud'), ...others], anchors(content, 'onsite', phone));
    await overview.throttle();
    await overview.open(at('/?device=phone#onsite'), { filtered: true });
    // The filter has taken over: the chip is pressed and the phone's rows are the ones shown.
    await expect(page.getByRole('button', { name: content.device('phone'), exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const painted = await overview.painted();
    expect(painted.wrongly).toEqual([]);
    expect(painted.rightly).toBeGreaterThan(0);
  });
});
