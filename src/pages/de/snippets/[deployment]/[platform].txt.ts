import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGermanPortData } from '../../../../lib/content/load-port-data';
import { loadGenerator } from '../../../../lib/firewall/generator';
import { toSnippetInput } from '../../../../lib/firewall/plan';
import { PLATFORM_IDS, type PlatformId } from '../../../../lib/firewall/platforms';
import { DEFAULT_SETTINGS } from '../../../../lib/firewall/settings';

/**
 * The German edition of every published snippet, /de/snippets/cloud/nftables.txt:
 * German titles from the German content and German comments, the same rules.
 */
export const getStaticPaths = (async () => {
  const data = await loadGermanPortData();
  return data.deployments.flatMap((view) =>
    PLATFORM_IDS.map((platform) => ({
      params: { deployment: view.id, platform },
      props: { deployment: view.id, platform },
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  deployment: string;
  platform: PlatformId;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const data = await loadGermanPortData();
  const view = data.deployments.find((candidate) => candidate.id === props.deployment);
  if (!view) throw new Error(`no deployment "${props.deployment}"`);
  const render = await loadGenerator(props.platform);
  return new Response(render(toSnippetInput(view, undefined, 'de'), DEFAULT_SETTINGS), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
