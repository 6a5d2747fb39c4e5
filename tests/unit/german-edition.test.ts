import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { UI_TEXTS_EN, type UiTexts } from '../../src/lib/texts';
import { checkGermanUiTexts } from '../../src/lib/content/ui-texts';
import { englishIn, englishPhrases, readableText } from './helpers/language-check';
import { loadContent, loadGermanContent } from './helpers/load-content';

/**
 * The German edition as built: every English page has a German twin under /de/,
 * and no German page shows a reader English, neither an interface text nor a
 * text of the content. Reads the site `npm run build` left in dist/.
 */

const DIST = 'dist';

function htmlFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort();
}

const germanTexts: UiTexts = checkGermanUiTexts(
  readFileSync('content/de/ui.yaml', 'utf8'),
  'content/de/ui.yaml',
).texts;
const phrases = englishPhrases(
  { texts: UI_TEXTS_EN, data: loadContent() },
  { texts: germanTexts, data: loadGermanContent() },
);

let files: string[] = [];
beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('No build in dist/: run `npm run build` first');
  files = htmlFiles(DIST);
});

describe('the German edition', () => {
  test('every English page has a German twin under /de/', () => {
    const english = files.filter((file) => !file.startsWith('de/'));
    // The site's 404 page is one file; its German twin is a page of its own.
    const twins = english.map((file) => (file === '404.html' ? 'de/404/index.html' : `de/${file}`));
    expect(twins.filter((file) => !files.includes(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('de/')).length).toBe(english.length);
  });

  test('every German page is marked as German and shows no English text', () => {
    const found: Record<string, string[]> = {};
    for (const file of files.filter((name) => name.startsWith('de/'))) {
      const html = readFileSync(join(DIST, file), 'utf8');
      if (!/<html[^>]* lang="de"/.test(html)) found[file] = ['<html> is not lang="de"'];
      const english = englishIn(readableText(html), phrases);
      if (english.length > 0) found[file] = [...(found[file] ?? []), ...english];
    }
    expect(found).toEqual({});
  });

  test('the check knows English when it sees it, in text and in labels', () => {
    expect(phrases.length).toBeGreaterThan(100);
    const page = readFileSync(join(DIST, 'de/index.html'), 'utf8');
    // Planted faults: an English interface text, an English rule purpose, an English accessible name.
    const purpose = loadContent().rules[0]!.purpose;
    const spoiled = page
      .replace('</main>', `<p>${UI_TEXTS_EN['filter.clear']}</p><p>${purpose}</p></main>`)
      .replace('<main', '<main aria-label="Machine-readable data"');
    expect(englishIn(readableText(spoiled), phrases)).toEqual(
      expect.arrayContaining(['Clear filters', 'Machine-readable data', purpose.replace(/[.]$/, '')]),
    );
    // Text inside a script is not read.
    expect(englishIn(readableText('<script>Clear filters</script>'), phrases)).toEqual([]);
  });
});
