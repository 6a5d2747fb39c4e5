// Lighthouse quality gate: builds the site, serves it (with its security headers)
// on 127.0.0.1, and runs Lighthouse in Debian's Chromium on the port overview and
// one rule page, as a phone and as a desktop. Prints the four category scores and
// exits non-zero unless every score is 100.
//
//   npm run lighthouse            (add -- --no-build to reuse dist/)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 4391);
const origin = `http://127.0.0.1:${port}`;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const rulePage = `/rules/${readdirSync('dist/rules', { withFileTypes: true }).find((entry) => entry.isDirectory())?.name}/`;
const pages = ['/', rulePage];

const server = spawn('node', ['scripts/serve-dist.mjs', '--port', String(port)], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));

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
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
        config,
      );
      const scores = categories.map((id) => Math.round((result?.lhr.categories[id]?.score ?? 0) * 100));
      rows.push([path, formFactor, ...scores]);
      if (scores.some((score) => score !== 100)) {
        failed = true;
        for (const id of categories) {
          for (const ref of result?.lhr.categories[id]?.auditRefs ?? []) {
            const audit = result.lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              console.log(
                `  ${path} ${formFactor} ${id}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`,
              );
            }
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
  console.log('\nNot every score is 100.');
  process.exit(1);
}
console.log('\nAll scores are 100.');
