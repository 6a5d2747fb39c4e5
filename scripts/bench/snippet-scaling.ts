// Snippet scaling benchmark: generates the snippets of every platform for both
// tabs from synthetic data sets that double in size (1,000 to 32,000 rules by
// default) and prints the cost per rule at each size and the growth per step.
// A cost per rule that stays flat is linear growth. Figures, not assertions:
// the machines are noisy, so each figure is a median of 7 runs.
//
//   npm run bench:snippets   (BENCH_SNIPPET_SIZES=1000,2000 to choose sizes)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeSnippets } from './snippet-timing';
import { writeSyntheticContent } from './synthetic-content';

const sizes = (process.env.BENCH_SNIPPET_SIZES ?? '1000,2000,4000,8000,16000,32000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'snippet-bench-'));
console.log(
  `Snippets, 18 platforms × 2 tabs, median of 7 runs (${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version})\n`,
);
console.log('| Rules | All snippets (ms) | Per rule (µs) | Growth from the previous size (1.0 is linear) |');
console.log('| ---: | ---: | ---: | ---: |');
let previous: { rules: number; ms: number } | undefined;
try {
  for (const rules of sizes) {
    const content = join(work, `content-${rules}`);
    writeSyntheticContent(content, rules);
    const ms = await timeSnippets(content, 7);
    const growth = previous ? (ms / previous.ms / (rules / previous.rules)).toFixed(2) : '';
    console.log(`| ${rules} | ${ms.toFixed(0)} | ${((ms / rules) * 1000).toFixed(0)} | ${growth} |`);
    previous = { rules, ms };
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
