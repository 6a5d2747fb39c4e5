import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkGermanUiTexts } from '../../src/lib/content/ui-texts';
import { formatText, placeholdersOf, UI_KEYS, UI_TEXTS_EN } from '../../src/lib/texts';
import { langOfPath, localPath } from '../../src/lib/lang';

const FILE = 'content/de/ui.yaml';
const source = readFileSync(FILE, 'utf8');

/** The check of the real German file with one line changed; throws if the line is not there. */
function checkWith(from: string, to: string) {
  if (!source.includes(from)) throw new Error(`${FILE} has no "${from}"`);
  return checkGermanUiTexts(source.replace(from, to), FILE);
}

describe('the German interface texts', () => {
  test('have a German text for every key, and nothing else', () => {
    const { problems, texts } = checkGermanUiTexts(source, FILE);
    expect(problems).toEqual([]);
    expect(Object.keys(texts).sort()).toEqual([...UI_KEYS].sort());
    expect(texts['filter.clear']).toBe('Filter zurücksetzen');
  });

  test.each([
    [
      'a missing text',
      'filter.clear: Filter zurücksetzen\n',
      '',
      'content/de/ui.yaml: text "filter.clear": has no German text; add it (English: "Clear filters")',
    ],
    [
      'an unknown key',
      'filter.clear: Filter zurücksetzen\n',
      'filter.clear: Filter zurücksetzen\nfilter.reset: Zurücksetzen\n',
      'content/de/ui.yaml (line',
    ],
    [
      'a lost placeholder',
      "count.rules: '{count} Regeln'",
      'count.rules: Regeln',
      'text "count.rules": must have the placeholders of the English "{count} rules" (count), not none',
    ],
    [
      'a text left in English',
      'filter.clear: Filter zurücksetzen',
      'filter.clear: Clear filters',
      'text "filter.clear": is the English text "Clear filters"; translate it',
    ],
    [
      'an empty text',
      'filter.clear: Filter zurücksetzen',
      "filter.clear: ''",
      'text "filter.clear": must not be empty',
    ],
    [
      'a repeated key',
      'filter.clear: Filter zurücksetzen\n',
      'filter.clear: A\nfilter.clear: B\n',
      'YAML syntax error',
    ],
  ])('name %s with file and key', (_label, from, to, message) => {
    const { problems } = checkWith(from, to);
    expect(problems.join('\n')).toContain(message);
  });

  test('an unknown key is named with its line', () => {
    const { problems } = checkWith(
      'filter.clear: Filter zurücksetzen\n',
      'filter.clear: Filter zurücksetzen\nfilter.reset: Zurücksetzen\n',
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/de\/ui\.yaml \(line \d+\): text "filter\.reset": is not a key of the interface texts/,
      ),
    ]);
  });
});

describe('interface texts', () => {
  test('fill their placeholders and name them', () => {
    expect(formatText(UI_TEXTS_EN['count.showingSome'], { visible: 4, rules: '9 rules' })).toBe(
      'Showing 4 of 9 rules',
    );
    expect(formatText('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(placeholdersOf(UI_TEXTS_EN['count.showingSome'])).toEqual(['rules', 'visible']);
  });

  test('a page’s language comes from its path, and a path moves into a language', () => {
    expect(langOfPath('/')).toBe('en');
    expect(langOfPath('/rules/sip-tls/')).toBe('en');
    expect(langOfPath('/de/')).toBe('de');
    expect(langOfPath('/de')).toBe('de');
    expect(langOfPath('/design/')).toBe('en');
    expect(localPath('de', '/rules/')).toBe('/de/rules/');
    expect(localPath('en', '/rules/')).toBe('/rules/');
  });
});
