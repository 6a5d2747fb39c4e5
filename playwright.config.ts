import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/** A port nothing listens on right now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port on 127.0.0.1');
  return address.port;
}

// Chosen once by the test runner; its workers load this file again and inherit the ports.
process.env.PREVIEW_PORT ??= String(await freePort());
process.env.NGINX_PORT ??= String(await freePort());
const nodePort = Number(process.env.PREVIEW_PORT);
const nginxPort = Number(process.env.NGINX_PORT);

const browser = {
  ...devices['Desktop Chrome'],
  channel: undefined,
  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
};

/**
 * Browser tests run against the built site twice: served by scripts/serve-dist.mjs (the
 * server of `npm start`) and by Debian's nginx with the README's server block and the
 * generated security-headers.nginx.conf. Both listen on 127.0.0.1 only and send the
 * headers of dist/_headers, so every test runs under the strict CSP. Browsers cannot be
 * downloaded on our machines, so Debian's Chromium is used (override with CHROMIUM_PATH).
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : 'list',
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'node', use: { ...browser, baseURL: `http://127.0.0.1:${nodePort}` } },
    // The README's block serves HTTPS; the tests give it a throw-away self-signed certificate.
    // axe reads the rendered page, which does not depend on the server, so it runs once.
    {
      name: 'nginx',
      testMatch: ['e2e/**/*.spec.ts'],
      use: { ...browser, baseURL: `https://127.0.0.1:${nginxPort}`, ignoreHTTPSErrors: true },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-dist.mjs --port ${nodePort}`,
      url: `http://127.0.0.1:${nodePort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node tests/nginx/serve.mjs --port ${nginxPort}`,
      url: `https://127.0.0.1:${nginxPort}/`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      // Lets the script stop nginx and remove its temporary prefix.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
