// What `npm run lighthouse` makes of a Lighthouse report (scripts/lighthouse.mjs): kept apart so
// a unit test can hand it reports with failed audits without running Lighthouse.

/** The categories the site is scored in. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Audits that report without a score by design. */
const UNSCORED = new Set(['notApplicable', 'manual', 'informative']);

/**
 * What kept Lighthouse from measuring a page: a runtime error, an audit that failed to run, a
 * weighted audit or a category without a score.
 *
 * @param {import('lighthouse').Result} lhr
 */
export function measurementProblems(lhr) {
  const problems = [];
  if (lhr.runtimeError) problems.push(`runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) {
      problems.push(`${id}: no such category in the report`);
      continue;
    }
    if (category.score === null) problems.push(`${id}: no score`);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit) problems.push(`${id}: audit ${ref.id} is missing from the report`);
      else if (audit.scoreDisplayMode === 'error')
        problems.push(`${id}: audit ${audit.id} did not run: ${audit.errorMessage ?? 'no reason given'}`);
      else if (ref.weight > 0 && audit.score === null && !UNSCORED.has(audit.scoreDisplayMode))
        problems.push(`${id}: audit ${audit.id} has no score (${audit.scoreDisplayMode})`);
    }
  }
  return problems;
}
