/**
 * Starlight's search button carries aria-label="Search" while its visible text
 * also shows the keyboard shortcut ("Search Ctrl K"), which fails WCAG 2.5.3
 * "Label in Name" (axe: label-content-name-mismatch). This rewrites the
 * rendered button so its name comes from its visible label, and the shortcut,
 * already announced through aria-keyshortcuts, is hidden from assistive tech.
 * On narrow screens the label stays in the page for screen readers only.
 *
 * Throws when Starlight's markup no longer looks as expected, so an upgrade
 * cannot silently bring the problem back.
 */
export function fixSearchButtonName(html: string): string {
  const steps: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
    // Name the button by its content instead of an aria-label.
    [/(<button\b[^>]*\bdata-open-modal\b[^>]*?)\s+aria-label="[^"]*"/, '$1'],
    // Make the visible label part of the accessible name; below the md breakpoint it is visually hidden.
    [/<span class="sl-hidden md:sl-block([^"]*)" aria-hidden="true">/, '<span class="pf-search-label$1">'],
    // The shortcut hint is decoration for sighted keyboard users.
    [/<kbd class="sl-hidden md:sl-flex/, '<kbd aria-hidden="true" class="sl-hidden md:sl-flex'],
  ];
  return steps.reduce((result, [pattern, replacement]) => {
    if (!pattern.test(result)) {
      throw new Error(
        `Search button markup changed: ${pattern.source} not found; review src/lib/site/search-button.ts`,
      );
    }
    return result.replace(pattern, replacement as string);
  }, html);
}
