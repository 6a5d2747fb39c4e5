import AxeBuilder from '@axe-core/playwright';
import type { Server } from 'node:https';
import type { ChildProcess } from 'node:child_process';
import type { Socket as UdpSocket } from 'node:dgram';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startDnsServer } from '../check-servers/dns.mjs';
import { startHttps, startStun, stopHttps, stopStun } from '../check-servers/servers.mjs';

// The in-page connectivity check against real servers on 127.0.0.1 (playwright.config.ts, project
// "check"): coturn answers STUN on 3478 and 19302, the ports the data names; an HTTPS server
// stands in for mypascom.net; a DNS server answers the pascom names for WebRTC. Stopping them,
// with an instance that does not resolve and a server that never answers on the HTTPS port,
// turns the rows to "failed at once" and "no answer".

const STUN_PORTS = [3478, 19302];
let dns: UdpSocket | undefined;
let https: Server | undefined;
let stun: ChildProcess[] = [];

test.describe.configure({ mode: 'serial' });
test.skip(
  process.getuid?.() !== 0,
  'the browser gets its own DNS resolver in a mount namespace, which needs root',
);

test.beforeAll(async () => {
  try {
    // Only the instances the tests name resolve; any other name under pascom.cloud does not.
    dns = await startDnsServer(53, ['acme.pascom.cloud', 'mypascom.net']);
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

/** A TCP server that takes connections and never answers: a port whose answer never comes. */
async function startSilent(port: number): Promise<{ server: NetServer; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, sockets };
}

/** Opens the check, a native disclosure under its heading, as a reader does: by its summary. */
async function openCheck(check: Locator): Promise<void> {
  const details = check.locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await check.locator('summary').click();
  }
}

test('the check tests the instance from the address, lists its results under the button, and tells no answer from a failure at once', async ({
  overview,
  page,
}) => {
  // Two runs, the second waiting out the HTTPS probe's 8 s on a busy machine.
  test.setTimeout(60_000);
  await overview.open('/?host=acme');
  const check = page.getByRole('region', { name: 'Did your rules work?' }).first();
  await openCheck(check);
  // It names every host it will contact before anything is sent, and the instance, completed.
  await expect(check.getByRole('listitem')).toHaveText([
    'mypascom.net on port 443 (HTTPS)',
    'your pascom.cloud instance on port 3478 (STUN over UDP)',
    'your pascom.cloud instance on port 19302 (STUN over UDP)',
  ]);
  await expect(check.getByText('Instance: acme.pascom.cloud')).toBeVisible();
  await expect(check.getByRole('textbox')).toHaveCount(0);
  await check.getByRole('button', { name: 'Run the check' }).click();
  await expect(check.getByRole('status')).toHaveText(
    '3 reachable, 0 without an answer, 0 failed at once, 0 not tested.',
    { timeout: 20_000 },
  );
  for (const [anchor, expected] of Object.entries(TESTED)) {
    await expect(page.locator(`#${anchor} .pf-check-result`)).toHaveText(expected);
  }
  // The same results are listed under the button, each linking its row.
  const results = check.locator('.pf-check-results li');
  await expect(results).toHaveText([
    /^Updates, push, fax, voicemail, recordings 443\/TCP: reachable, \d+ ms$/,
    /^Video functionality 3478\/UDP: reachable, \d+ ms$/,
    /^WebRTC, web client 19302\/UDP: reachable, \d+ ms$/,
  ]);
  expect(
    await results.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
  ).toEqual(Object.keys(TESTED).map((anchor) => `#${anchor}`));
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

  // A name that does not resolve fails at once; a port that takes the connection and never
  // answers runs out of time. The two read differently.
  await Promise.all(stun.map((child) => stopStun(child)));
  if (https) await stopHttps(https);
  https = undefined;
  const silent = await startSilent(Number(process.env.CHECK_HTTPS_PORT));
  try {
    await overview.open('/?host=nope');
    await openCheck(check);
    await expect(check.getByText('Instance: nope.pascom.cloud')).toBeVisible();
    await check.getByRole('button', { name: 'Run the check' }).click();
    await expect(check.getByRole('status')).toHaveText(
      '0 reachable, 1 without an answer, 2 failed at once, 0 not tested.',
      { timeout: 30_000 },
    );
    await expect(page.locator('#cloud-mypascom-services .pf-check-result')).toHaveText(
      'Check 443/TCP: no answer within 8 s (blocked or dropped)',
    );
    await expect(page.locator('#cloud-video-stun .pf-check-result')).toHaveText(
      /^Check 3478\/UDP: failed at once \(\d+ ms\): the name may be wrong or not resolve, or the connection was refused$/,
    );
    await expect(check.locator('.pf-check-results li').first()).toHaveText(
      'Updates, push, fax, voicemail, recordings 443/TCP: no answer within 8 s (blocked or dropped)',
    );
  } finally {
    for (const socket of silent.sockets) socket.destroy();
    await new Promise((resolve) => silent.server.close(resolve));
  }
  // A failed fetch is a console error of the browser's own, not of the page's code.
  expect(overview.errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
});

test('without an instance the check links the panel’s field, follows it, and refuses a wrong one with the reason', async ({
  overview,
  page,
}) => {
  https = await startHttps(Number(process.env.CHECK_HTTPS_PORT));
  await overview.open('/');
  const check = page.getByRole('region', { name: 'Did your rules work?' }).first();
  await openCheck(check);
  const panelLink = check.getByRole('link', {
    name: 'enter your instance in the firewall rules panel below',
  });
  await expect(panelLink).toHaveAttribute('href', '#firewall-rules');
  await expect(page.locator('#firewall-rules')).toHaveCount(1);
  // The button works for the row that needs no instance.
  await check.getByRole('button', { name: 'Run the check' }).click();
  await expect(check.getByRole('status')).toHaveText(
    '1 reachable, 0 without an answer, 0 failed at once, 2 not tested.',
    { timeout: 20_000 },
  );
  await expect(page.locator('#cloud-video-stun .pf-check-result')).toHaveText(
    'Check 3478/UDP: not tested: enter your pascom.cloud instance in the firewall rules panel',
  );
  // The results are as readable in dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await cloudTabViolations(page)).toEqual([]);
  // The instance the snippet panel announces is the one the check names.
  await page.evaluate(() =>
    document.dispatchEvent(new CustomEvent('pf-instance-change', { detail: { host: 'acme.pascom.cloud' } })),
  );
  await expect(check.getByText('Instance: acme.pascom.cloud')).toBeVisible();
  await page.evaluate(() =>
    document.dispatchEvent(new CustomEvent('pf-instance-change', { detail: { host: undefined } })),
  );
  await expect(panelLink).toBeVisible();
  // An instance in the address that is not under pascom.cloud is refused, with the reason.
  await overview.open('/?host=acme.example.com');
  await openCheck(check);
  await expect(check.locator('.pf-check-instance')).toHaveText(
    'The instance "acme.example.com" must be your instance under pascom.cloud, such as acme.pascom.cloud: enter your instance in the firewall rules panel below.',
  );
  expect(overview.errors).toEqual([]);
});

test('on a German page the check speaks German', async ({ overview, page }) => {
  await overview.open('/de/');
  const check = page.getByRole('region', { name: 'Haben Ihre Regeln gewirkt?' }).first();
  await openCheck(check);
  await expect(check.getByRole('listitem').first()).toHaveText('mypascom.net auf Port 443 (HTTPS)');
  await expect(
    check.getByRole('link', { name: 'geben Sie Ihre Instanz unten im Bereich Firewall-Regeln an' }),
  ).toBeVisible();
  await check.getByRole('button', { name: 'Prüfung starten' }).click();
  await expect(check.getByRole('status')).toHaveText(
    '1 erreichbar, 0 ohne Antwort, 0 sofort fehlgeschlagen, 2 nicht geprüft.',
    { timeout: 20_000 },
  );
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
