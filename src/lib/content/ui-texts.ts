import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { describeProblem } from './content-error';
import { germanUiFile } from './files';
import { completeTexts, type TranslationCheck } from './translations';
import { text } from '../../schemas/common';
import {
  SAME_IN_GERMAN,
  UI_KEYS,
  UI_TEXTS_EN,
  formatText,
  placeholdersOf,
  type UiKey,
  type UiTexts,
} from '../texts';
import { langOfPath, localPath } from '../lang';
import type { Lang } from '../../schemas/registries';

function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(UI_TEXTS_EN, key);
}

/**
 * Checks the German interface texts (content/de/ui.yaml, a mapping of key to
 * text) against the English ones: every key needs a German text of one line, no
 * key may be unknown, each text keeps exactly the placeholders of its English,
 * and none may equal its English unless the key is one of SAME_IN_GERMAN. Each
 * problem names the file, the line and the key.
 */
export function checkGermanUiTexts(source: string, file: string): TranslationCheck<UiTexts> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true });
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const problems: string[] = [];
  const texts: Partial<Record<UiKey, string>> = {};
  const at = (key: string | undefined, line: number | undefined, message: string) =>
    problems.push(describeProblem({ file, line, entryLabel: 'text', id: key }, message));

  for (const error of document.errors) {
    at(undefined, error.linePos?.[0].line, `YAML syntax error: ${error.message.split('\n')[0] ?? ''}`);
  }
  if (document.errors.length > 0) return { problems, texts: UI_TEXTS_EN };
  if (!isMap(document.contents)) {
    at(undefined, undefined, 'must be a mapping of interface keys to German texts');
    return { problems, texts: UI_TEXTS_EN };
  }

  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(pair.key);
    if (!isUiKey(key)) {
      at(key, line, 'is not a key of the interface texts (src/lib/ui/texts.ts); correct or remove it');
      continue;
    }
    const value: unknown = isScalar(pair.value) ? pair.value.value : undefined;
    const parsed = text.safeParse(value);
    if (!parsed.success) {
      at(key, line, parsed.error.issues[0]?.message ?? 'must be text');
      continue;
    }
    const english = UI_TEXTS_EN[key];
    const expected = placeholdersOf(english).join(', ');
    const found = placeholdersOf(parsed.data).join(', ');
    if (found !== expected) {
      at(
        key,
        line,
        `must have the placeholders of the English "${english}" (${expected || 'none'}), not ${found || 'none'}`,
      );
    } else if (parsed.data === english && !SAME_IN_GERMAN.includes(key)) {
      at(key, line, `is the English text "${english}"; translate it`);
    } else {
      texts[key] = parsed.data;
    }
  }
  for (const key of UI_KEYS) {
    if (!(key in texts) && !problems.some((problem) => problem.includes(`text "${key}"`))) {
      at(key, undefined, `has no German text; add it (English: "${UI_TEXTS_EN[key]}")`);
    }
  }
  return { problems, texts: problems.length > 0 ? UI_TEXTS_EN : (texts as UiTexts) };
}

let germanCheck: TranslationCheck<UiTexts> | undefined;

/** The check of the build's German interface texts, read and run once per build. */
export function germanUiCheck(): TranslationCheck<UiTexts> {
  germanCheck ??= checkGermanUiTexts(readFileSync(germanUiFile, 'utf8'), germanUiFile);
  return germanCheck;
}

/** The interface texts of a language; a problem in the German ones stops the build, listing every one. */
export function uiTexts(lang: Lang): UiTexts {
  return lang === 'en' ? UI_TEXTS_EN : completeTexts(germanUiCheck());
}

/** What a component needs to write its page's language. */
export interface PageTexts {
  lang: Lang;
  /** The interface text of a key in the page's language, its placeholders filled. */
  t: (key: UiKey, values?: Readonly<Record<string, string | number>>) => string;
  /** A site path in the page's language: "/rules/" on an English page, "/de/rules/" on a German one. */
  path: (path: string) => string;
}

/** The texts of a page's language, found from its address. */
export function pageTexts(url: URL): PageTexts {
  const lang = langOfPath(url.pathname);
  const texts = uiTexts(lang);
  return {
    lang,
    t: (key, values) => formatText(texts[key], values),
    path: (path) => localPath(lang, path),
  };
}
