import { toSnippetInput } from '../firewall/plan';
import type { SnippetData } from '../firewall/snippet-data';
import type { Deployment, Lang } from '../../schemas/registries';
import { loadGenerator } from '../firewall/generator';
import { PLATFORM_IDS, type PlatformId } from '../firewall/platforms';
import { DEFAULT_SETTINGS } from '../firewall/settings';
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

/** Every published rule file of a language: one per tab and platform (/snippets/cloud/nftables.txt). */
export async function snippetFilePaths(
  lang: Lang,
): Promise<{ deployment: Deployment; platform: PlatformId }[]> {
  const data = await loadPortDataIn(lang);
  return data.deployments.flatMap((view) =>
    PLATFORM_IDS.map((platform) => ({ deployment: view.id, platform })),
  );
}

/** One published rule file: all rules of a tab for a platform, default settings, in a language. */
export async function snippetFile(lang: Lang, deployment: string, platform: PlatformId): Promise<string> {
  const data = await loadPortDataIn(lang);
  const view = data.deployments.find((candidate) => candidate.id === deployment);
  if (!view) throw new Error(`no deployment "${deployment}"`);
  const render = await loadGenerator(platform);
  return render(toSnippetInput(view, undefined, lang), DEFAULT_SETTINGS);
}
