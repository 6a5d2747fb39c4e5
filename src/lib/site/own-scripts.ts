/**
 * The inline scripts the project writes itself. The build allows an inline script in the
 * Content-Security-Policy only if it knows the script's exact text (src/integrations/
 * security-headers.ts): these, Starlight's fixed scripts and the component scripts the bundler
 * inlines. Anything else on a page stops the build.
 */

/**
 * Marks the page as scripted before it is drawn, so controls that need JavaScript take their
 * place from the first paint instead of shifting the layout later (astro.config.mjs, head).
 */
export const SCRIPTED_MARK_SCRIPT = "document.documentElement.dataset.js = '';";

/** Where the texts are kept: one list per process, shared by the pages and the build step. */
const REGISTRY = Symbol.for('pascom-ports.own-inline-scripts');

function registry(): Set<string> {
  const holder = globalThis as unknown as Record<symbol, Set<string> | undefined>;
  const texts = holder[REGISTRY] ?? new Set<string>();
  holder[REGISTRY] = texts;
  return texts;
}

/**
 * Records the text of an inline script a component computes from the project's data (such as
 * the overview's first-paint script) and returns it unchanged, for `set:html`. The pages are
 * rendered in the build's own process, so the build step reads the record after the last page
 * (the bundled page code and the build step hold separate copies of this module, hence a
 * process-wide symbol rather than a module variable).
 */
export function ownInlineScript(text: string): string {
  registry().add(text);
  return text;
}

/** Every inline script the project wrote in this build: the fixed ones and those recorded. */
export function ownInlineScripts(): string[] {
  return [SCRIPTED_MARK_SCRIPT, ...registry()];
}
