// The skip accounting of the test runner (scripts/run-tests.mjs), kept apart so that it can be
// tested on made-up runner reports.
//
// A skip is intended only when its reason says so: a Playwright skip whose reason starts with
// "intended:" (the English-only diagram file in the German run, say). Vitest's JSON report
// carries no reason, so its suites name theirs in the title ("(skipped: …)") and none of its
// skips is intended. Under CI every skip that is not intended fails the run: a gate that did
// not run (a missing tool, missing root, a port taken) proves nothing.

const INTENDED = /^intended:/i;

/**
 * Every skipped test of a Vitest JSON report and a Playwright JSON report (either may be
 * undefined), as `{ name, intended }`.
 */
export function collectSkips(vitest, playwright, cwd = process.cwd()) {
  const skips = [];
  for (const file of vitest?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (!['skipped', 'pending', 'todo'].includes(test.status)) continue;
      skips.push({ name: `${file.name.replace(cwd + '/', '')} › ${test.fullName}`, intended: false });
    }
  }
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const reason = (test.annotations ?? []).find((note) => note.type === 'skip')?.description ?? '';
        skips.push({
          name: `[${test.projectName}] ${spec.file} › ${spec.title}${reason ? ` (${reason})` : ''}`,
          intended: INTENDED.test(reason),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of playwright?.suites ?? []) walk(suite);
  return skips;
}

/** True when the environment says this is a CI run (CI=true or CI=1). */
export function isCi(env = process.env) {
  return ['1', 'true'].includes((env.CI ?? '').toLowerCase());
}

/**
 * What the skips do to the run: the lines that name them, and how many count as failures
 * (every unintended skip under CI, none elsewhere).
 */
export function skipVerdict(skips, ci) {
  const unintended = skips.filter((skip) => !skip.intended);
  const lines =
    skips.length === 0
      ? []
      : [
          `Skipped (${skips.length}):`,
          ...skips.map((skip) => `  ${skip.intended ? '' : '[not intended] '}${skip.name}`),
        ];
  return { lines, failures: ci ? unintended.length : 0 };
}

/** The closing line, totalling every runner. */
export function closingLine(passed, failed, skipped) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
