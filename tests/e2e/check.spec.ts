import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:https';
import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:dgram';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startDnsServer } from '../check-servers/dns.mjs';
import { startHttps, startStun, stopHttps, stopStun } from '../check-servers/servers.mjs';

// The in-page connectivity check against real servers on 127.0.0.1 (playwright.config.ts, project
// "check"): coturn answers STUN on 3478 and 19302, the ports the data names; an HTTPS server
// stands in for mypascom.net; a DNS server answers the pascom names for WebRTC. Stopping them
// turns every tested row to blocked.

const STUN_PORTS = [3478, 19302];
let dns: Socket | undefined;
let https: Server | undefined;
let stun: ChildProcess[] = [];

test.describe.configure({ mode: 'serial' });
test.skip(
  process.getuid?.() !== 0,
  'the browser gets its own DNS resolver in a mount namespace, which needs root',
);

test.beforeAll(async () => {
  try {
    dns = await startDnsServer(53, ['*.pascom.cloud', 'mypascom.net']);
  } catch (error) {
    // Another DNS server on this machine holds the port; the browser would ask it instead.
    test.skip(
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE',
      '127.0.0.1:53 is taken by another DNS server',
    );
    throw error;
  }
  https = await startHttps(Number(process.env.CHECK_HTTPS_PORT));
  stun = await Promise.all(STUN_PORTS.map((port) => startStun(port)));
});

test.afterAll(async () => {
  await Promise.all(stun.map((child) => stopStun(child)));
  if (https) await stopHttps(https);
  dns?.close();
});

/** What axe finds wrong in the Cloud tab, its check results included (WCAG 2.2 AA). */
async function cloudTabViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('#cloud')
    .withTags(['wcag2a', 'wcag2aa', 'wcag22aa'])
    .analyze();
  return results.violations;
}

const TESTED = {
  'cloud-mypascom-services': /^Check 443\/TCP: reachable, \d+ ms$/,
  'cloud-video-stun': /^Check 3478\/UDP: reachable, \d+ ms$/,
  'cloud-webrtc-webclient': /^Check 19302\/UDP: reachable, \d+ ms$/,
};

test('the check marks the rows a browser can test, and the others with the scripts or why not', async ({
  overview,
  page,
}) => {
  await overview.open('/');
  const check = page.getByRole('region', { name: 'Did your rules work?' }).first();
  // It names every host it will contact before anything is sent.
  await expect(check.getByRole('listitem')).toHaveText([
    'mypascom.net on port 443 (HTTPS)',
    'your pascom.cloud instance on port 3478 (STUN over UDP)',
    'your pascom.cloud instance on port 19302 (STUN over UDP)',
  ]);
  await check.getByRole('textbox', { name: 'Your pascom.cloud instance' }).fill('acme');
  await check.getByRole('button', { name: 'Run the check' }).click();
  await expect(check.getByRole('status')).toHaveText('3 reachable, 0 blocked, 0 not tested.', {
    timeout: 20_000,
  });
  for (const [anchor, expected] of Object.entries(TESTED)) {
    await expect(page.locator(`#${anchor} .pf-check-result`)).toHaveText(expected);
  }
  await expect(page.locator('#cloud-sip-tls .pf-check-result')).toHaveText(
    'A browser cannot test this row: run the check script.',
  );
  await expect(page.locator('#cloud-sip-tls .pf-check-result a')).toHaveAttribute(
    'href',
    '#cloud-check-scripts',
  );
  await expect(page.locator('#cloud-rtp-voice .pf-check-result')).toContainText(
    'No client can test this row:',
  );
  expect(await cloudTabViolations(page)).toEqual([]);
  expect(overview.errors).toEqual([]);

  // With the servers gone, the same rows are blocked.
  await Promise.all(stun.map((child) => stopStun(child)));
  if (https) await stopHttps(https);
  await check.getByRole('button', { name: 'Run the check' }).click();
  await expect(check.getByRole('status')).toHaveText('0 reachable, 3 blocked, 0 not tested.', {
    timeout: 30_000,
  });
  await expect(page.locator('#cloud-mypascom-services .pf-check-result')).toHaveText(
    /^Check 443\/TCP: blocked: no connection after \d+ ms$/,
  );
  await expect(page.locator('#cloud-video-stun .pf-check-result')).toHaveText(
    /^Check 3478\/UDP: blocked: no STUN answer within \d+ ms$/,
  );
  // A failed fetch is a console error of the browser's own, not of the page's code.
  expect(overview.errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
});

test('without an instance the STUN rows are not tested, and say what is missing', async ({
  overview,
  page,
}) => {
  https = await startHttps(Number(process.env.CHECK_HTTPS_PORT));
  await overview.open('/');
  const check = page.getByRole('region', { name: 'Did your rules work?' }).first();
  await check.getByRole('button', { name: 'Run the check' }).click();
  await expect(check.getByRole('status')).toHaveText('1 reachable, 0 blocked, 2 not tested.', {
    timeout: 20_000,
  });
  await expect(page.locator('#cloud-video-stun .pf-check-result')).toHaveText(
    'Check 3478/UDP: not tested: give your pascom.cloud instance above',
  );
  // The results are as readable in dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await cloudTabViolations(page)).toEqual([]);
  expect(overview.errors).toEqual([]);
});

test('on a German page the check speaks German', async ({ overview, page }) => {
  await overview.open('/de/');
  const check = page.getByRole('region', { name: 'Haben Ihre Regeln gewirkt?' }).first();
  await expect(check.getByRole('listitem').first()).toHaveText('mypascom.net auf Port 443 (HTTPS)');
  await check.getByRole('button', { name: 'Prüfung starten' }).click();
  await expect(check.getByRole('status')).toHaveText('1 erreichbar, 0 blockiert, 2 nicht geprüft.', {
    timeout: 20_000,
  });
  await expect(page.locator('#cloud-mypascom-services .pf-check-result')).toHaveText(
    /^Prüfung 443\/TCP: erreichbar, \d+ ms$/,
  );
  await expect(page.locator('#cloud-sip-tls .pf-check-result')).toHaveText(
    'Ein Browser kann diese Zeile nicht prüfen: führen Sie das Prüfskript aus.',
  );
  expect(overview.errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('there is no check button, and the check scripts are linked', async ({ overview, page }) => {
    await overview.open('/');
    await expect(page.getByRole('button', { name: 'Run the check' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Did your rules work?' })).toHaveCount(2);
    for (const tab of ['cloud', 'onsite']) {
      const links = page.locator(`#${tab}-check-scripts a`);
      await expect(links).toHaveCount(2);
      expect(await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')))).toEqual([
        `/checks/${tab}/linux-macos.sh`,
        `/checks/${tab}/windows.ps1`,
      ]);
    }
  });
});
