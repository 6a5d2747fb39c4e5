import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** Every HTML page of the built site, as a URL path. */
function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html'))
        pages.push(`/${relative(dir, path).replace(/index\.html$/, '')}`);
    }
  };
  walk(dir);
  return pages.sort();
}

const all = builtPages();
const isRulePage = (path: string) => /^(\/de)?\/rules\/[^/]+\/$/.test(path);
/** Every English page: scanned in light mode. */
const pages = all.filter((path) => !path.startsWith('/de/'));
/**
 * One page per template: the rule pages share one, so the first stands for them. Colours, the
 * one thing that differs between light and dark, come from the same styles on every page of a
 * template, so dark mode is scanned on these; so are the German pages, which are the English
 * ones with other words (tests/unit/german-edition.test.ts reads every German page).
 */
const oneOfEachTemplate = (list: string[]) => {
  const rulePages = list.filter(isRulePage);
  return list.filter((path) => !rulePages.slice(1).includes(path));
};
const templates = oneOfEachTemplate(pages);
const germanPages = oneOfEachTemplate(all.filter((path) => path.startsWith('/de/')));

test('the built site has pages to scan, and a page of every template in each mode', () => {
  expect(pages).toContain('/');
  expect(pages.filter(isRulePage).length).toBeGreaterThan(1);
  expect(templates.filter(isRulePage)).toHaveLength(1);
  expect(templates.length).toBe(pages.length - pages.filter(isRulePage).length + 1);
  expect(germanPages).toEqual(
    templates.map((path) => (path === '/404.html' ? '/de/404/' : `/de${path}`)).sort(),
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const path of scheme === 'light' ? [...pages, ...germanPages] : templates) {
      test(`axe finds no WCAG 2.2 A/AA violations on ${path}`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(
          results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) })),
        ).toEqual([]);
      });
    }
  });
}
