import type { SettingField } from '../firewall/settings';

/**
 * Every query parameter the site reads from its address, in one registry. The
 * filter and the snippet panel each own theirs and keep every other parameter
 * as it was; links in support articles use these names for years, so a name
 * never changes. The README's "Address parameters" table is made from this list
 * (tests/unit/readme-params.test.ts keeps it in step).
 */
export interface UrlParam {
  /** The name in the address. */
  name: string;
  /** Which part of the overview reads it. */
  feature: 'filter' | 'snippets';
  /** What it holds, for the README. */
  values: string;
  /** An example as it appears in the address. */
  example: string;
}

/** Longest free-text search kept from an address or the search box. */
export const MAX_QUERY_LENGTH = 100;

/**
 * Longest value read from the address for one snippet setting. Real values are
 * far shorter; the cap keeps a crafted link from making the page validate
 * megabytes of text.
 */
export const MAX_FIELD_LENGTH = 300;

const FILTER = {
  device: {
    name: 'device',
    feature: 'filter',
    values:
      'a device id from the legend (`server`, `desktop`, `mobile`, `phone`, `web`); repeat it or separate by commas',
    example: 'device=phone&device=web',
  },
  protocol: { name: 'protocol', feature: 'filter', values: '`tcp`, `udp`', example: 'protocol=udp' },
  direction: {
    name: 'direction',
    feature: 'filter',
    values: '`outbound`, `inbound`',
    example: 'direction=inbound',
  },
  query: {
    name: 'q',
    feature: 'filter',
    values: `free text, at most ${MAX_QUERY_LENGTH} characters: a port finds the ranges containing it`,
    example: 'q=31000',
  },
} as const satisfies Record<string, UrlParam>;

const SETTINGS = {
  net: {
    name: 'net',
    feature: 'snippets',
    values: 'your network: one IPv4 and/or one IPv6 network, comma-separated',
    example: 'net=10.1.0.0/16',
  },
  host: {
    name: 'host',
    feature: 'snippets',
    values: 'your pascom.cloud instance, or just its name',
    example: 'host=acme.pascom.cloud',
  },
  server: {
    name: 'server',
    feature: 'snippets',
    values: "your onsite server's IPv4 and/or IPv6 address",
    example: 'server=10.1.0.5',
  },
  in: { name: 'in', feature: 'snippets', values: 'the inside interface or zone name', example: 'in=lan' },
  out: { name: 'out', feature: 'snippets', values: 'the outside interface or zone name', example: 'out=wan' },
} as const satisfies Record<SettingField, UrlParam>;

/** The parameters of the port filter. */
export const FILTER_PARAMS = {
  device: FILTER.device.name,
  protocol: FILTER.protocol.name,
  direction: FILTER.direction.name,
  query: FILTER.query.name,
} as const;

/** The parameter of the firewall platform the snippet panel shows, e.g. `?fw=nftables`. */
export const PLATFORM_PARAM = 'fw';

/** The parameter of each snippet setting. */
export const SETTING_PARAMS: Record<SettingField, string> = {
  net: SETTINGS.net.name,
  host: SETTINGS.host.name,
  server: SETTINGS.server.name,
  in: SETTINGS.in.name,
  out: SETTINGS.out.name,
};

/** Every parameter, in the order the README lists them. */
export const URL_PARAMS: readonly UrlParam[] = [
  ...Object.values(FILTER),
  {
    name: PLATFORM_PARAM,
    feature: 'snippets',
    values: 'a platform id, as in the snippet file names (`nftables`, `pf`, `fortigate`, …)',
    example: 'fw=pf',
  },
  ...Object.values(SETTINGS),
];

/** True when a URL query names any filter parameter, even with a value the filter will drop. */
export function queryHasFilter(search: string): boolean {
  const params = new URLSearchParams(search);
  return Object.values(FILTER_PARAMS).some((name) => params.has(name));
}

/** The README's table of the address parameters. */
export function paramsTable(params: readonly UrlParam[] = URL_PARAMS): string {
  const rows = params.map(
    ({ name, feature, values, example }) => `| \`${name}\` | ${feature} | ${values} | \`${example}\` |`,
  );
  return ['| Parameter | Read by | Values | Example |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
