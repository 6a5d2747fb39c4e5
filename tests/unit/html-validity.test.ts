import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findHtmlErrors, type HtmlError } from './helpers/nu-html-checker';
import { DIST, readDistSite } from './helpers/dist-site';

/** Every built HTML page, as paths under dist/. */
function builtPages(): string[] {
  // Reading the site first fails loudly when there is no build, instead of checking nothing.
  readDistSite();
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(DIST, file))
    .sort();
}

function describeErrors(errors: HtmlError[]): string[] {
  return errors.map(({ file, line, message, source }) =>
    `${file}:${line ?? '?'}: ${message} ${source ?? ''}`.trim(),
  );
}

/** Starlight's sidebar as it renders, with its two inline scripts inside the persister element. */
const starlightSidebar = `<sl-sidebar-state-persist data-hash="x"><script aria-hidden="true">
		(() => {})();
	</script><nav aria-label="Main"><a href="/">Home</a></nav><script aria-hidden="true">
		(() => {})();
	</script></sl-sidebar-state-persist>`;

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test</title>${head}</head><body>${body}</body></html>\n`;

describe('the Nu HTML Checker', () => {
  test('finds no error in our own markup on any built page', () => {
    const pages = builtPages();
    expect(pages).toContain(join(DIST, 'index.html'));
    expect(describeErrors(findHtmlErrors(pages))).toEqual([]);
  });

  test('reports planted errors by file and message, and passes over only Starlight’s sidebar scripts', () => {
    const folder = mkdtempSync(join(tmpdir(), 'html-validity-'));
    const file = (name: string, html: string) => {
      writeFileSync(join(folder, name), html);
      return join(folder, name);
    };
    const files = [
      // Starlight's markup alone is clean once its sidebar scripts are passed over.
      file('starlight.html', page(starlightSidebar)),
      // The fault the overview had: a tab whose panel is not a tabpanel.
      file(
        'tabs.html',
        page(`${starlightSidebar}<div role="tablist" aria-label="Deployment"><button type="button" role="tab"
          aria-selected="true" aria-controls="cloud">Cloud</button></div><section id="cloud">Rules</section>`),
      ),
      // The same attribute on a script of our own, outside Starlight's sidebar, is ours to fix.
      file('own-script.html', page(`<script aria-hidden="true">void 0;</script>`)),
      // Another attribute on Starlight's script element is a different fault, not the known one.
      file(
        'changed-script.html',
        page(
          `<sl-sidebar-state-persist><script aria-hidden="true" aria-label="x">void 0;</script></sl-sidebar-state-persist>`,
        ),
      ),
      // Container queries are valid CSS the checker does not know yet; any other CSS error is ours.
      file(
        'container.html',
        page(
          '<p class="b">x</p>',
          '<style>.a{container-type:inline-size}@container (min-width: 1px){.b{color:red}}</style>',
        ),
      ),
      file('bad-css.html', page('<p class="b">x</p>', '<style>.b{colr:red}</style>')),
    ];
    const reported = describeErrors(findHtmlErrors(files));
    expect(reported.filter((line) => line.includes('container.html'))).toEqual([]);
    expect(reported.filter((line) => line.includes('bad-css.html')).length).toBeGreaterThan(0);
    expect(reported.filter((line) => line.includes('starlight.html'))).toEqual([]);
    expect(reported).toContainEqual(
      expect.stringMatching(
        /tabs\.html:\d+: Every active “role=tab” element must have a corresponding “role=tabpanel” element\./,
      ),
    );
    expect(reported.filter((line) => line.includes('tabs.html'))).toHaveLength(1);
    expect(reported).toContainEqual(
      expect.stringMatching(
        /own-script\.html:\d+: The “aria-hidden” attribute must not be specified on the “script” element\./,
      ),
    );
    expect(reported.filter((line) => line.includes('changed-script.html')).length).toBeGreaterThan(0);
  });
});
