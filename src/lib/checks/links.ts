import type { Deployment, Lang } from '../../schemas/registries';
import { checkScriptUrl } from '../url/link-scheme';
import { CHECK_TEXTS } from './texts';
import { CHECK_VARIANTS, checkFileName } from './variants';

/** A link to one published check script. */
interface CheckScriptLink {
  /** Site path without the language prefix, e.g. "/checks/cloud/linux-macos.sh". */
  href: string;
  /** The variant's name in the page's language. */
  label: string;
  /** The name the file is saved under. */
  file: string;
}

/** The published check scripts of a tab, one per variant, as the pages link to them. */
export function checkScriptLinks(deployment: Deployment, lang: Lang): CheckScriptLink[] {
  return CHECK_VARIANTS.map((variant) => ({
    href: checkScriptUrl(deployment, variant),
    label: CHECK_TEXTS[lang].variantLabel(variant),
    file: checkFileName(deployment, variant.id),
  }));
}
