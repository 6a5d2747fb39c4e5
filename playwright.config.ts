import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import type { LanguageFixtures } from './tests/e2e/fixtures';
import { CHROMIUM_ARGS, HEADLESS_SHELL_PATH } from './scripts/chromium.mjs';

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
process.env.CHECK_HTTPS_PORT ??= String(await freePort());
const nodePort = Number(process.env.PREVIEW_PORT);
const nginxPort = Number(process.env.NGINX_PORT);
const checkHttpsPort = Number(process.env.CHECK_HTTPS_PORT);

const browser = {
  ...devices['Desktop Chrome'],
  channel: undefined,
  launchOptions: { executablePath: HEADLESS_SHELL_PATH, args: CHROMIUM_ARGS },
};

/**
 * Browser tests run against the built site, served by Debian's nginx with the README's
 * server block and the generated security-headers.nginx.conf (the documented production
 * setup): every end-to-end and accessibility test. scripts/serve-dist.mjs, the server of
 * `npm start`, runs the tests of the server itself (headers, gzip, 404, clean URLs, paths
 * outside dist/). Both listen on 127.0.0.1 only and send the headers of dist/_headers, so
 * every test runs under the strict CSP.
 *
 * Running the whole suite against both servers doubles its time, so it is opt-in:
 * E2E_ALL_SERVERS=1 npx playwright test.
 * Browsers cannot be downloaded on our machines, so Debian's Chromium headless shell is used
 * (override with HEADLESS_SHELL_PATH).
 */
const allServers = process.env.E2E_ALL_SERVERS === '1';
const suite = ['e2e/**/*.spec.ts', 'a11y/**/*.spec.ts'];
/**
 * The connectivity check's tests contact the pascom hosts, which their browser finds on
 * 127.0.0.1: HTTPS through Chromium's host-resolver rules (to the tests' HTTPS server), STUN
 * names through the tests' own DNS server, which only a browser started by
 * tests/check-servers/chromium-dns.sh asks (tests/e2e/check.spec.ts).
 */
const checkSpec = 'e2e/check.spec.ts';
const checkHostRules = ['mypascom.net', '*.pascom.cloud']
  .map((host) => `MAP ${host}:443 127.0.0.1:${checkHttpsPort}`)
  .join(', ');

export default defineConfig<Pick<LanguageFixtures, 'lang'>>({
  testDir: 'tests',
  testMatch: suite,
  fullyParallel: true,
  workers: 2,
  // `npm test` runs a failed test once more and names it if it then passes (scripts/run-tests.mjs).
  retries: process.env.RETRY_ONCE === '1' ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : 'list',
  // Recording a trace of every test costs about a fifth of the run; CI keeps no traces anyway.
  use: { trace: process.env.CI ? 'off' : 'retain-on-failure' },
  projects: [
    // The README's block serves HTTPS; the tests give it a throw-away self-signed certificate.
    {
      name: 'nginx',
      testMatch: suite,
      testIgnore: checkSpec,
      use: { ...browser, baseURL: `https://127.0.0.1:${nginxPort}`, ignoreHTTPSErrors: true },
    },
    // The behavioural specs once more against the German pages (tests/e2e/fixtures.ts reads `lang`).
    {
      name: 'nginx-de',
      testMatch: [
        'e2e/tabs.spec.ts',
        'e2e/filter.spec.ts',
        'e2e/search.spec.ts',
        'e2e/links.spec.ts',
        'e2e/diagrams.spec.ts',
        'e2e/first-paint.spec.ts',
        'e2e/snippets.spec.ts',
        'e2e/overview-layout.spec.ts',
      ],
      use: { ...browser, baseURL: `https://127.0.0.1:${nginxPort}`, ignoreHTTPSErrors: true, lang: 'de' },
    },
    {
      name: 'check',
      testMatch: checkSpec,
      use: {
        ...browser,
        baseURL: `https://127.0.0.1:${nginxPort}`,
        ignoreHTTPSErrors: true,
        launchOptions: {
          executablePath: 'tests/check-servers/chromium-dns.sh',
          args: [...CHROMIUM_ARGS, `--host-resolver-rules=${checkHostRules}`],
        },
      },
    },
    {
      name: 'node',
      testMatch: allServers ? suite : ['e2e/server.spec.ts', 'e2e/security-headers.spec.ts'],
      testIgnore: checkSpec,
      use: { ...browser, baseURL: `http://127.0.0.1:${nodePort}` },
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
