import type { APIRoute, GetStaticPaths } from 'astro';
import { snippetFile, snippetFilePaths } from '../../../lib/content/snippet-data-file';
import type { PlatformId } from '../../../lib/firewall/platforms';

/** One plain-text snippet per tab and platform, all rules, default settings: /snippets/cloud/nftables.txt. */
export const getStaticPaths = (async () =>
  (await snippetFilePaths('en')).map((props) => ({ params: props, props }))) satisfies GetStaticPaths;

interface Props {
  deployment: string;
  platform: PlatformId;
}

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await snippetFile('en', props.deployment, props.platform), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
