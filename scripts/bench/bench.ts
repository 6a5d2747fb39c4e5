// Scaling benchmark: builds the site with synthetic data sets of 100, 1,000 and
// 10,000 rules and prints build time, peak memory and page weight per size, then
// times snippet generation for every firewall platform. Figures, not assertions:
// the machines are noisy, so snippet times are medians and growth is a ratio.
//
//   npm run bench            (BENCH_SIZES=100,1000 to choose sizes)
//
// Snippet generation alone, in finer steps: npm run bench:snippets.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pageResources, transferSize } from '../../tests/unit/helpers/page-weight';
import { timeSnippets } from './snippet-timing';
import { writeSyntheticContent } from './synthetic-content';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);

interface Row {
  rules: number;
  buildSeconds: number;
  peakMemoryMiB: number;
  pages: number;
  overviewHtmlKiB: number;
  overviewTransferKiB: number;
  snippetMs: number;
}

const rows: Row[] = [];
const work = mkdtempSync(join(tmpdir(), 'port-bench-'));
for (const size of sizes) {
  const content = join(work, `content-${size}`);
  const out = join(work, `dist-${size}`);
  writeSyntheticContent(content, size);

  // Build, measured from outside: wall time and the peak resident memory of the build process.
  const started = performance.now();
  const build = spawnSync('/usr/bin/time', ['-f', 'peak-kib %M', 'npx', 'astro', 'build', '--outDir', out], {
    env: { ...process.env, PORT_CONTENT_DIR: content },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const buildSeconds = (performance.now() - started) / 1000;
  if (build.status !== 0) throw new Error(`Build of ${size} rules failed:\n${build.stderr.slice(-3000)}`);
  const peakKiB = Number(/peak-kib (\d+)/.exec(build.stderr)?.[1] ?? NaN);
  const pages = (build.stdout.match(/\.html/g) ?? []).length;

  const resources = pageResources(out, '/');
  const overviewHtmlKiB = resources.find((resource) => resource.kind === 'html')!.gzipBytes / 1024;
  const overviewTransferKiB = transferSize(resources) / 1024;

  // Snippets for every platform and both tabs, all rules, default settings; median of 5 rounds.
  const snippetMs = await timeSnippets(content, 5);

  rows.push({
    rules: size,
    buildSeconds,
    peakMemoryMiB: peakKiB / 1024,
    pages,
    overviewHtmlKiB,
    overviewTransferKiB,
    snippetMs,
  });
  rmSync(out, { recursive: true, force: true });
  console.log(`built ${size} rules in ${buildSeconds.toFixed(1)} s`);
}
rmSync(work, { recursive: true, force: true });

const fixed = (value: number, digits = 1) => value.toFixed(digits);
console.log(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${fixed(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}\n`,
);
console.log(
  '| Rules | Build (s) | Peak memory (MiB) | Overview HTML (KiB gzip) | Overview HTML+CSS+JS (KiB gzip) | Snippets, 18 platforms × 2 tabs (ms, median) |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(
    `| ${row.rules} | ${fixed(row.buildSeconds)} | ${fixed(row.peakMemoryMiB, 0)} | ${fixed(row.overviewHtmlKiB)} | ${fixed(row.overviewTransferKiB)} | ${fixed(row.snippetMs)} |`,
  );
}

// Growth per step: a cost that grows linearly grows by the same factor as the rules.
console.log('\nGrowth between sizes (cost ratio ÷ rules ratio; 1.0 is linear, above 1 faster than linear):');
for (let index = 1; index < rows.length; index++) {
  const previous = rows[index - 1]!;
  const current = rows[index]!;
  const scale = current.rules / previous.rules;
  const growth = (key: keyof Row) => fixed(current[key] / previous[key] / scale, 2);
  console.log(
    `  ${previous.rules} → ${current.rules}: build ${growth('buildSeconds')}, memory ${growth('peakMemoryMiB')}, HTML ${growth('overviewHtmlKiB')}, snippets ${growth('snippetMs')}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/scaling.json', JSON.stringify(rows, null, 2));
