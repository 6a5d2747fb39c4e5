import { DEPLOYMENTS, type Deployment } from '../schemas/registries';

/** What a URL fragment asks the port overview to show. */
export interface FragmentTarget {
  deployment: Deployment;
  /** Id of the element to scroll to, if the fragment names one inside a tab. */
  anchor?: string;
}

function isDeployment(value: string): value is Deployment {
  return (DEPLOYMENTS as readonly string[]).includes(value);
}

/**
 * Reads a URL fragment: "#onsite" selects a tab, "#onsite-sip-tls" a row in a
 * tab. Anything else, including garbage, yields undefined and leaves the page as
 * it is.
 */
export function parseFragment(hash: string): FragmentTarget | undefined {
  let fragment: string;
  try {
    fragment = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (isDeployment(fragment)) return { deployment: fragment };
  const prefix = fragment.split('-', 1)[0] ?? '';
  if (isDeployment(prefix) && fragment.length > prefix.length + 1) {
    return { deployment: prefix, anchor: fragment };
  }
  return undefined;
}

/** The fragment that links to a tab. */
export function tabFragment(deployment: Deployment): string {
  return `#${deployment}`;
}
