import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { startDnsServer } from './tests/check-servers/dns.mjs';
import { startHttps, startStun, stopHttps, stopStun } from './tests/check-servers/servers.mjs';
const dns = await startDnsServer(53, ['*.pascom.cloud', 'mypascom.net']);
const https = await startHttps(4498);
const stun = await startStun(3478);
const browser = await chromium.launch({ executablePath: 'tests/check-servers/chromium-dns.sh', args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP mypascom.net:443 127.0.0.1:4498, MAP *.pascom.cloud:443 127.0.0.1:4498'] });
for (const scheme of ['light', 'dark']) for (const width of [1280, 360]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, ignoreHTTPSErrors: true });
  await page.goto('http://127.0.0.1:4400' + (process.env.P ?? '/'));
  const check = page.locator('.pf-check').first();
  await check.locator('input').fill('acme');
  await check.locator('button').click();
  await page.waitForFunction(() => !/Checking|Prüfung läuft/.test(document.querySelector('.pf-check-status')?.textContent ?? 'x'), null, { timeout: 20000 });
  await check.screenshot({ path: `/work/shots/check-${scheme}-${width}.png` });
  await page.locator('#cloud-video-stun').screenshot({ path: `/work/shots/check-row-${scheme}-${width}.png` });
  await page.locator('#cloud-webrtc-webclient').screenshot({ path: `/work/shots/check-row2-${scheme}-${width}.png` });
  await page.close();
}
await browser.close(); await stopStun(stun); await stopHttps(https); dns.close();
