import type { APIRoute, GetStaticPaths } from 'astro';
import { checkFile, checkFilePaths } from '../../../../lib/content/check-files';
import type { CheckVariantId } from '../../../../lib/checks/variants';

/** The German edition of every check script, /de/checks/cloud/linux-macos.sh: German messages, the same checks. */
export const getStaticPaths = (() => checkFilePaths('de')) satisfies GetStaticPaths;

interface Props {
  variant: CheckVariantId;
}

export const GET: APIRoute<Props> = async ({ params, props, site }) =>
  new Response(await checkFile('de', params.deployment ?? '', props.variant, site), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
