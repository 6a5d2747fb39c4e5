/**
 * The built site offers the check scripts: every tab's scripts are published in
 * both languages as the plan writes them, and every rule page links to the
 * scripts of each tab the rule is in. Needs `npx astro build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderCheckScript } from '../../src/lib/checks/render';
import { CHECK_VARIANTS } from '../../src/lib/checks/variants';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { DEFAULT_SETTINGS } from '../../src/lib/firewall/settings';
import { siteUrl } from '../../src/lib/site/site-url';
import { loadContent, loadGermanContent } from './helpers/load-content';

const built = (path: string) => {
  const file = `dist${path}`;
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npx astro build)`);
  return readFileSync(file, 'utf8');
};
const origin = siteUrl(process.env.SITE_URL);

describe.each([
  ['en', '', loadContent()],
  ['de', '/de', loadGermanContent()],
] as const)('check scripts, %s', (lang, prefix, data) => {
  test.each(data.deployments.flatMap((view) => CHECK_VARIANTS.map((variant) => ({ view, variant }))))(
    '$view.id $variant.id is published as the plan writes it',
    ({ view, variant }) => {
      expect(built(`${prefix}/checks/${view.id}/${variant.id}.${variant.ext}`)).toBe(
        renderCheckScript(toSnippetInput(view, undefined, lang), DEFAULT_SETTINGS, variant.id, { origin }),
      );
    },
  );

  test('every rule page links to the check scripts of each tab the rule is in', () => {
    const missing = data.rules.flatMap((rule) => {
      const page = built(`${prefix}/rules/${rule.id}/index.html`);
      return rule.deployments.flatMap((deployment) =>
        CHECK_VARIANTS.map((variant) => `${prefix}/checks/${deployment}/${variant.id}.${variant.ext}`)
          .filter((href) => !page.includes(`href="${href}"`))
          .map((href) => `${rule.id}: ${href}`),
      );
    });
    expect(missing).toEqual([]);
  });
});
