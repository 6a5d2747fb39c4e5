/**
 * Where each of the site's languages (LANGS in the registries) lives: English at
 * the root, German under /de/. Every page, rule id, tab fragment and query
 * parameter is the same in both; only the prefix of the path differs.
 */
import type { Lang } from '../schemas/registries';

/** The path prefix of each language. */
const PREFIX: Record<Lang, string> = { en: '', de: '/de' };

/** The language of a page, from its path. */
export function langOfPath(pathname: string): Lang {
  return pathname === '/de' || pathname.startsWith('/de/') ? 'de' : 'en';
}

/** A site path (starting with "/") in a language: localPath('de', '/rules/') is "/de/rules/". */
export function localPath(lang: Lang, path: string): string {
  return `${PREFIX[lang]}${path}`;
}
