import { isDeployment } from '../schemas/registries';
import { resolveFragment, type LinkIndex, type LinkTarget } from './link-index';

/** What a URL fragment asks the port overview to show. */
export type FragmentTarget = LinkTarget;

/**
 * Reads a URL fragment: "#onsite" selects a tab, "#onsite-sip-tls" a row in a
 * tab. With the page's link index, bare rule ids ("#ntp-time") and old ids of
 * renamed rules resolve to the rule's row too (see {@link resolveFragment}).
 * Anything else, including garbage, yields undefined and leaves the page as it is.
 */
export function parseFragment(hash: string, index?: LinkIndex): FragmentTarget | undefined {
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (index !== undefined) return resolveFragment(fragment, index);
  if (isDeployment(fragment)) return { deployment: fragment };
  const prefix = fragment.split('-', 1)[0] ?? '';
  if (isDeployment(prefix) && fragment.length > prefix.length + 1) {
    return { deployment: prefix, anchor: fragment };
  }
  return undefined;
}
