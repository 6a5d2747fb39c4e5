import type { Lang } from '../../schemas/registries';
import { localPath } from '../lang';
import { PORT_SEARCH_KEYS, pickTexts } from '../texts';
import type { PortIndex } from '../ui/port-search';
import { loadPortDataIn } from './load-port-data';
import { uiTexts } from './ui-texts';

/**
 * The site search's port index of a language (/search/ports.json, /de/search/ports.json):
 * every rule's ports, title and page, and the texts of the answer. A range stays a
 * range (two numbers), so the index stays small however wide the ranges are.
 */
export async function portSearchFile(lang: Lang): Promise<string> {
  const data = await loadPortDataIn(lang);
  const index: PortIndex = {
    rules: data.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      path: localPath(lang, `/rules/${rule.id}/`),
      ports: rule.ports.map(({ from, to }) => [from, to]),
      protocols: [...rule.protocols],
    })),
    texts: pickTexts(uiTexts(lang), PORT_SEARCH_KEYS),
  };
  return JSON.stringify(index);
}
