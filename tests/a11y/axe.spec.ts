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

const pages = builtPages();

test('the built site has pages to scan', () => {
  expect(pages).toContain('/');
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    // Both editions share every style, so colour contrast is the same in both: the German pages
    // are scanned in light mode only, which keeps the run short.
    for (const path of pages.filter((page) => scheme === 'light' || !page.startsWith('/de/'))) {
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
