import { expect, test } from 'vitest';
import { fixSearchButtonName } from '../../src/lib/site/search-button';

const starlightButton =
  '<button data-open-modal disabled aria-label="Search" aria-keyshortcuts="Control+K" class="astro-x"><svg aria-hidden="true"></svg>' +
  '<span class="sl-hidden md:sl-block astro-x" aria-hidden="true">Search</span>' +
  '<kbd class="sl-hidden md:sl-flex astro-x" style="display: none;"><kbd>Ctrl</kbd><kbd>K</kbd></kbd></button>';

test('the search button is named by its visible label, and the shortcut hint is hidden from assistive tech', () => {
  const fixed = fixSearchButtonName(starlightButton);
  expect(fixed).not.toContain('aria-label=');
  expect(fixed).toContain('<span class="pf-search-label astro-x">Search</span>');
  expect(fixed).toContain('<kbd aria-hidden="true" class="sl-hidden md:sl-flex astro-x"');
  expect(fixed).toContain('aria-keyshortcuts="Control+K"');
});

test('a change in Starlight markup stops the build instead of silently bringing the problem back', () => {
  expect(() => fixSearchButtonName(starlightButton.replace('data-open-modal', 'data-open'))).toThrow(
    /Search button markup changed/,
  );
});
