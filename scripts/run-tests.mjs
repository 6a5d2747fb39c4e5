// Runs every test runner of the project in order and prints one closing line,
// "N passed, N failed, N skipped", totalling all of them. Exits non-zero if anything failed.
//
// Steps: type check, lint, build, unit tests (Vitest), browser tests (Playwright).
// A step that is not a test runner counts as one failed test when it fails. Every skip is named
// at the end with its reason; under CI one that is not declared intended fails the run
// (scripts/test-summary.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { closingLine, collectSkips, isCi, skipVerdict } from './test-summary.mjs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];
// Failing unit tests by name, repeated at the end so the last lines of a long log name them.
const failedTests = [];
// Tests that failed once and passed when run again: counted as passed, but named at the end,
// because a test that passes only sometimes is a fault of its own to be found and fixed.
const flakyTests = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function gate(label, command, args) {
  if (run(label, command, args)) return true;
  failed += 1;
  failures.push(label);
  return false;
}

gate('type check', 'npx', ['astro', 'check']);
// `npm run lint` without its astro check, which ran just above and generated the content
// types that ESLint's type-checked rules read.
gate('lint', 'npm', ['run', 'lint:code']);
const built = gate('build', 'npx', ['astro', 'build']);

// Both runners give a failed test one more run (vitest.config.ts and playwright.config.ts
// read RETRY_ONCE): on a busy 2-core machine a browser can stall for half a minute.
const retryOnce = { RETRY_ONCE: '1' };
const vitestOk = run(
  'unit tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${results}/vitest.json`],
  retryOnce,
);
const vitest = readJson(`${results}/vitest.json`);
let playwright;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numFailedTests > 0) failures.push('unit tests');
  for (const file of vitest.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failedTests.push(`${file.name.replace(process.cwd() + '/', '')}\n    ${file.message}`);
    }
    for (const test of file.assertionResults) {
      if (test.status === 'passed' && (test.failureMessages ?? []).length > 0) {
        flakyTests.push(`${file.name.replace(process.cwd() + '/', '')} › ${test.fullName}`);
      }
      if (test.status !== 'failed') continue;
      const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n    ');
      failedTests.push(`${file.name.replace(process.cwd() + '/', '')} › ${test.fullName}\n    ${message}`);
    }
  }
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  failed += 1;
  failures.push('unit tests (runner error)');
}

if (built) {
  const playwrightOk = run('browser tests', 'npx', ['playwright', 'test'], { CI: '1', ...retryOnce });
  playwright = readJson(`${results}/playwright.json`);
  if (playwright) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    if (playwright.stats.unexpected > 0) failures.push('browser tests');
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status === 'flaky') flakyTests.push(`[${test.projectName}] ${spec.file} › ${spec.title}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of playwright.suites ?? []) walk(suite);
  }
  if (!playwrightOk && (!playwright || playwright.stats.unexpected === 0)) {
    failed += 1;
    failures.push('browser tests (runner error)');
  }
} else {
  console.log('\nBrowser tests skipped: the site did not build.');
}

const skips = collectSkips(vitest, playwright);
const skipped = skipVerdict(skips, isCi());
if (skipped.lines.length > 0) console.log(`\n${skipped.lines.join('\n')}`);
if (skipped.failures > 0) {
  failed += skipped.failures;
  failures.push(`${skipped.failures} skipped test(s) not declared intended (CI)`);
}
if (flakyTests.length > 0) console.log(`\nPassed only when run again:\n  ${flakyTests.join('\n  ')}`);
if (failedTests.length > 0) console.log(`\nFailing unit tests:\n${failedTests.join('\n')}`);
if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(closingLine(passed, failed, skips.length));
process.exit(failed > 0 ? 1 : 0);
