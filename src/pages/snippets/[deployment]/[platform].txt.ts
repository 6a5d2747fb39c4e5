import type { APIRoute, GetStaticPaths } from 'astro';
import { loadPortData } from '../../../lib/content/load-port-data';
import { loadGenerator } from '../../../lib/firewall/generator';
import { toSnippetInput } from '../../../lib/firewall/plan';
import { PLATFORM_IDS, type PlatformId } from '../../../lib/firewall/platforms';
import { DEFAULT_SETTINGS } from '../../../lib/firewall/settings';

/** One plain-text snippet per tab and platform, all rules, default settings: /snippets/cloud/nftables.txt. */
export const getStaticPaths = (async () => {
  const data = await loadPortData();
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
  const data = await loadPortData();
  const view = data.deployments.find((candidate) => candidate.id === props.deployment);
  if (!view) throw new Error(`no deployment "${props.deployment}"`);
  const render = await loadGenerator(props.platform);
  return new Response(render(toSnippetInput(view), DEFAULT_SETTINGS), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
