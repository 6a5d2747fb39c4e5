import type { Lang } from '../../schemas/registries';
import { PORT_SEARCH_KEYS, pickTexts } from '../texts';
import { buildPortIndex } from '../ui/port-search';
import { loadPortDataIn } from './load-port-data';
import { uiTexts } from './ui-texts';

/** The site search's port index of a language (/search/ports.json, /de/search/ports.json). */
export async function portSearchFile(lang: Lang): Promise<string> {
  const data = await loadPortDataIn(lang);
  return JSON.stringify(buildPortIndex(data, lang, pickTexts(uiTexts(lang), PORT_SEARCH_KEYS)));
}
