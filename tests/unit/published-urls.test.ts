import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { findMissingUrls, findUnlistedUrls, parseRegistry } from './helpers/built-site';
import { readDistSite } from './helpers/dist-site';

/**
 * tests/published-urls.txt lists every address the site has published. Support
 * articles link to them for years, so an entry is never removed: a rename keeps
 * the old id as an alias, and the old address keeps working.
 */
const REGISTRY = 'tests/published-urls.txt';
const HEADER = `# Every address this site has published: pages, tabs, rule rows, rule ids, old ids
# and files. Support articles link to these for years. Never delete a line: when a rule
# is renamed, keep its old id under \`aliases\` in content/rules.yaml so the address
# still works. New addresses are appended by running
#   PUBLISH_NEW_URLS=1 npx vitest run tests/unit/published-urls.test.ts
# after \`npx astro build\`.
`;

const site = readDistSite();
const registry = parseRegistry(readFileSync(REGISTRY, 'utf8'));

test('every published address still resolves in the built site', () => {
  const missing = findMissingUrls(registry, site).map(({ url, problem }) => `${url}: ${problem}`);
  expect(
    missing,
    `These published addresses broke. Restore them (keep old ids as aliases):\n${missing.join('\n')}`,
  ).toEqual([]);
});

test('every address the site serves is in the registry', () => {
  const unlisted = findUnlistedUrls(registry, site);
  if (unlisted.length > 0 && process.env.PUBLISH_NEW_URLS === '1') {
    const entries = [...registry, ...unlisted].sort();
    writeFileSync(REGISTRY, `${HEADER}${entries.join('\n')}\n`);
    return;
  }
  expect(
    unlisted,
    `New addresses are not in ${REGISTRY}. Add them with PUBLISH_NEW_URLS=1 npx vitest run tests/unit/published-urls.test.ts`,
  ).toEqual([]);
});
