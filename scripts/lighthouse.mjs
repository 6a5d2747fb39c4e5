// Lighthouse quality gate: builds the site, serves it (with its security headers)
// on 127.0.0.1, and runs Lighthouse in Debian's Chromium on the port overview and
// one rule page, in English and German, as a phone and as a desktop. Prints the four
// category scores and exits non-zero unless every score is 100.
//
// An audit that could not run is named with Lighthouse's reason and its category shows
// "error", never a score of 0: a page Lighthouse failed to measure is not a page that failed.
//
//   npm run lighthouse            (add -- --no-build to reuse dist/)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { CATEGORIES, measurementProblems } from './lighthouse-report.mjs';

/** A port nothing listens on right now, on 127.0.0.1 (others may be running Lighthouse too). */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 4391;
}

const port = Number(process.env.LIGHTHOUSE_PORT ?? (await freePort()));
const origin = `http://127.0.0.1:${port}`;

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const rule = readdirSync('dist/rules', { withFileTypes: true }).find((entry) => entry.isDirectory())?.name;
const pages = ['/', `/rules/${rule}/`, '/de/', `/de/rules/${rule}/`];

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('Serving') && resolve(undefined));
  server.on('exit', (code) => reject(new Error(`the server stopped (${code}) before it served the site`)));
});

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  userDataDir: mkdtempSync(join(tmpdir(), 'lighthouse-profile-')),
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});

const rows = [];
let failed = false;
try {
  for (const path of pages) {
    for (const formFactor of ['mobile', 'desktop']) {
      const config = formFactor === 'desktop' ? desktopConfig : undefined;
      const result = await lighthouse(
        `${origin}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
        config,
      );
      if (!result) {
        failed = true;
        console.log(`  ${path} ${formFactor}: Lighthouse returned no report`);
        rows.push([path, formFactor, ...CATEGORIES.map(() => 'error')]);
        continue;
      }
      const { lhr } = result;
      const problems = measurementProblems(lhr);
      for (const problem of problems)
        console.log(`  ${path} ${formFactor} could not be measured: ${problem}`);
      for (const warning of lhr.runWarnings) console.log(`  ${path} ${formFactor} warning: ${warning}`);
      const scores = CATEGORIES.map((id) => {
        const score = lhr.categories[id]?.score;
        return typeof score === 'number' ? Math.round(score * 100) : 'error';
      });
      rows.push([path, formFactor, ...scores]);
      if (problems.length > 0 || scores.some((score) => score !== 100)) failed = true;
      // The audits that cost points, so a score below 100 says why.
      for (const id of CATEGORIES) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && typeof audit?.score === 'number' && audit.score < 1) {
            console.log(
              `  ${path} ${formFactor} ${id}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`,
            );
          }
        }
      }
    }
  }
} finally {
  chrome.kill();
  server.kill();
}

console.log('\n| Page | Device | Performance | Accessibility | Best Practices | SEO |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (failed) {
  console.log('\nNot every page was measured with every score at 100 (see above).');
  process.exit(1);
}
console.log('\nAll scores are 100.');
