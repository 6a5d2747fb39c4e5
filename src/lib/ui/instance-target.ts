import type { Endpoint } from '../../schemas/endpoint';

/**
 * The exact target of a pascom.cloud row: the reader's instance below the endpoint's domain,
 * `<your-instance>.pascom.cloud` until the reader names theirs. The endpoint lists the domain
 * as a wildcard host (`*.pascom.cloud`); a wildcard is not what anyone types into a firewall.
 */
export function instancePlaceholder(endpoint: Pick<Endpoint, 'hosts'>): {
  domain: string;
  label: (placeholder: string) => string;
} {
  const wildcard = endpoint.hosts.find((host) => host.startsWith('*.'));
  if (!wildcard) throw new Error('A pascom instance needs a wildcard host such as "*.pascom.cloud"');
  return { domain: wildcard.slice(2), label: (placeholder) => `<${placeholder}>` };
}

/** The instance's own name in a full host, or undefined when the host is not below the domain. */
export function instanceName(host: string | undefined, domain: string): string | undefined {
  if (!host?.endsWith(`.${domain}`)) return undefined;
  const name = host.slice(0, -domain.length - 1);
  return name === '' ? undefined : name;
}
