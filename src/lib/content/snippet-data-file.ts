import { toSnippetInput } from '../firewall/plan';
import type { SnippetData } from '../firewall/snippet-data';
import type { Lang } from '../../schemas/registries';
import { pickTexts, SNIPPET_PANEL_KEYS, type SnippetPanelTexts } from '../texts';
import { loadPortDataIn } from './load-port-data';
import { uiTexts } from './ui-texts';

/**
 * The snippet panel's file (/snippets/data.json, /de/snippets/data.json): the
 * generator input of both tabs and, under `texts`, the panel's texts, in one
 * language. It is a file of its own rather than part of the overview, so only
 * readers who use the panel fetch it.
 */
export async function snippetDataFile(lang: Lang): Promise<string> {
  const data = await loadPortDataIn(lang);
  const inputs: SnippetData = Object.fromEntries(
    data.deployments.map((view) => [view.id, toSnippetInput(view, undefined, lang)]),
  );
  const body: SnippetData & { texts: SnippetPanelTexts } = {
    ...inputs,
    texts: pickTexts(uiTexts(lang), SNIPPET_PANEL_KEYS),
  };
  return JSON.stringify(body);
}
