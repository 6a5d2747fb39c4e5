import type { KnipConfig } from 'knip';

// Unused files, exports, types and dependencies (README, "Quality gates"). Knip's plugins read
// the entry points from the project's own configuration: Astro's pages and content config and
// the scripts of .astro files, Starlight's component overrides, Vitest's and Playwright's test
// files, and the scripts package.json runs. What none of them can know is listed here.
const config: KnipConfig = {
  entry: [
    // A tool for developers, run by hand: npx tsx tests/snippet-checks/print-snippet.ts.
    'tests/snippet-checks/print-snippet.ts',
    // Starlight's route middleware, named by path in astro.config.mjs (routeMiddleware).
    'src/route-data.ts',
    // The check scripts' listeners, started by path inside network namespaces (check-scripts-run.test.ts).
    'tests/check-servers/listeners.mjs',
  ],
  ignore: [
    // A stock Starlight site, built on its own as the yardstick of the page-weight test.
    'tests/fixtures/**',
  ],
  ignoreDependencies: [
    // The Nu HTML Checker ships as a .jar that the HTML test runs with Java by its path.
    'vnu-jar',
  ],
  ignoreBinaries: [
    // Debian's packages, which the tests call and .ci/run installs (README, "Quick start").
    'java',
    'openssl',
    'shellcheck',
    'turnserver',
    'unshare',
    'xmllint',
  ],
};

export default config;
