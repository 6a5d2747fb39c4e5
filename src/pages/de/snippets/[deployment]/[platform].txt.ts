import type { APIRoute, GetStaticPaths } from 'astro';
import { snippetFile, snippetFilePaths } from '../../../../lib/content/snippet-data-file';
import type { PlatformId } from '../../../../lib/firewall/platforms';

/** The German edition of every published snippet, /de/snippets/cloud/nftables.txt: German titles and comments, the same rules. */
export const getStaticPaths = (async () =>
  (await snippetFilePaths('de')).map((props) => ({ params: props, props }))) satisfies GetStaticPaths;

interface Props {
  deployment: string;
  platform: PlatformId;
}

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await snippetFile('de', props.deployment, props.platform), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
