import { expect, test } from 'vitest';
import { CATEGORIES, measurementProblems } from '../../scripts/lighthouse-report.mjs';

// `npm run lighthouse` must name what Lighthouse could not measure instead of scoring it 0
// (Lighthouse 12 could not read the traces of Debian's Chromium 156 and reported null scores).

type Report = Parameters<typeof measurementProblems>[0];

/** A report in which every category scored 100 from one audit that passed. */
function report(): Report {
  const categories = Object.fromEntries(
    CATEGORIES.map((id) => [id, { id, score: 1, auditRefs: [{ id: `${id}-audit`, weight: 1 }] }]),
  );
  const audits = Object.fromEntries(
    CATEGORIES.map((id) => [`${id}-audit`, { id: `${id}-audit`, score: 1, scoreDisplayMode: 'binary' }]),
  );
  return { categories, audits } as unknown as Report;
}

test('a fully measured report has nothing to name', () => {
  expect(measurementProblems(report())).toEqual([]);
});

test('an audit that did not run, a score that is missing and a runtime error are each named', () => {
  const failed = report() as unknown as {
    runtimeError?: { code: string; message: string };
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<
      string,
      { id: string; score: number | null; scoreDisplayMode: string; errorMessage?: string }
    >;
  };
  failed.audits['performance-audit'] = {
    id: 'performance-audit',
    score: null,
    scoreDisplayMode: 'error',
    errorMessage: 'Required TraceEngine gatherer did not run.',
  };
  failed.categories.performance!.score = null;
  failed.audits['seo-audit'] = { id: 'seo-audit', score: null, scoreDisplayMode: 'numeric' };
  failed.runtimeError = { code: 'NO_FCP', message: 'The page did not paint any content.' };
  expect(measurementProblems(failed as unknown as Report)).toEqual([
    'runtime error NO_FCP: The page did not paint any content.',
    'performance: no score',
    'performance: audit performance-audit did not run: Required TraceEngine gatherer did not run.',
    'seo: audit seo-audit has no score (numeric)',
  ]);
});

test('a category missing from the report is named', () => {
  const partial = report() as unknown as { categories: Record<string, unknown> };
  delete partial.categories.seo;
  expect(measurementProblems(partial as unknown as Report)).toEqual(['seo: no such category in the report']);
});
