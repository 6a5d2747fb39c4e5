import type { APIRoute, GetStaticPaths } from 'astro';
import { checkFile, checkFilePaths } from '../../../lib/content/check-files';
import type { CheckVariantId } from '../../../lib/checks/variants';

/** One check script per tab and kind of machine, all rules, default settings: /checks/cloud/linux-macos.sh. */
export const getStaticPaths = (() => checkFilePaths('en')) satisfies GetStaticPaths;

interface Props {
  variant: CheckVariantId;
}

export const GET: APIRoute<Props> = async ({ params, props, site }) =>
  new Response(await checkFile('en', params.deployment ?? '', props.variant, site), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
