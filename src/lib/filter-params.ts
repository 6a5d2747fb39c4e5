/**
 * Names of the URL query parameters the port filter owns. Every other parameter
 * belongs to another feature (firewall snippets, for instance) and is left alone.
 */
export const FILTER_PARAMS = {
  device: 'device',
  protocol: 'protocol',
  direction: 'direction',
  query: 'q',
} as const;

/** True when a URL query names any filter parameter, even with a value the filter will drop. */
export function queryHasFilter(search: string): boolean {
  const params = new URLSearchParams(search);
  return Object.values(FILTER_PARAMS).some((name) => params.has(name));
}
