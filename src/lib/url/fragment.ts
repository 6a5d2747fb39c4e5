import { isDeployment } from '../../schemas/registries';
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

/**
 * The fragment of a link that leads nowhere on the overview, decoded as far as
 * it decodes, or undefined when it leads somewhere (a tab, a row, a rule id, an
 * old id, any element `exists` finds) or is empty. A link to a rule that has
 * since been removed is the usual case; the page then says so instead of
 * quietly showing the first tab.
 */
export function missingFragment(
  hash: string,
  exists: (id: string) => boolean,
  index?: LinkIndex,
): string | undefined {
  const raw = hash.replace(/^#/, '');
  if (raw === '') return undefined;
  let fragment = raw;
  try {
    fragment = decodeURIComponent(raw);
  } catch {
    // A broken escape: quote the fragment as the link gave it.
  }
  const target = parseFragment(hash, index);
  if (target) return target.anchor === undefined || exists(target.anchor) ? undefined : fragment;
  return exists(fragment) ? undefined : fragment;
}
