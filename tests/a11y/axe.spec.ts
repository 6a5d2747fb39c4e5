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
const pages = all.filter((path) => !path.startsWith('/de/'));
/**
 * The German pages are the English ones with other words: the same components, styles and
 * colours. They are scanned in light mode, and of the rule pages, which share one template, the
 * first only; the German edition's own test (tests/unit/german-edition.test.ts) reads every one.
 */
const germanRulePages = all.filter((path) => /^\/de\/rules\/[^/]+\/$/.test(path));
const germanPages = all.filter((path) => path.startsWith('/de/') && !germanRulePages.slice(1).includes(path));

test('the built site has pages to scan', () => {
  expect(pages).toContain('/');
  expect(germanPages).toContain('/de/');
  expect(germanPages).toContain(germanRulePages[0]);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const path of scheme === 'light' ? [...pages, ...germanPages] : pages) {
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
