import type { Deployment, Lang } from '../../schemas/registries';
import { renderCheckScript } from '../checks/render';
import { CHECK_VARIANTS, type CheckVariantId } from '../checks/variants';
import { toSnippetInput } from '../firewall/plan';
import { DEFAULT_SETTINGS } from '../firewall/settings';
import { loadPortDataIn } from './load-port-data';

/** Every published check script of a language: one per tab and variant (/checks/cloud/linux-macos.sh). */
export async function checkFilePaths(
  lang: Lang,
): Promise<{ params: { deployment: Deployment; file: string }; props: { variant: CheckVariantId } }[]> {
  const data = await loadPortDataIn(lang);
  return data.deployments.flatMap((view) =>
    CHECK_VARIANTS.map((variant) => ({
      params: { deployment: view.id, file: `${variant.id}.${variant.ext}` },
      props: { variant: variant.id },
    })),
  );
}

/**
 * One published check script: all rules of a tab, default settings, in a
 * language. Its advice links to the rule pages of `site`, the site's origin.
 */
export async function checkFile(
  lang: Lang,
  deployment: string,
  variant: CheckVariantId,
  site: URL | undefined,
): Promise<string> {
  if (!site) throw new Error('The check scripts link to rule pages: set `site` in astro.config.mjs');
  const data = await loadPortDataIn(lang);
  const view = data.deployments.find((candidate) => candidate.id === deployment);
  if (!view) throw new Error(`no deployment "${deployment}"`);
  return renderCheckScript(toSnippetInput(view, undefined, lang), DEFAULT_SETTINGS, variant, {
    origin: site.origin,
  });
}
