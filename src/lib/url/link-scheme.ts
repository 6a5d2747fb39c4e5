import type { Deployment, Direction, Protocol } from '../../schemas/registries';
import { FILTER_PARAMS } from './params';

/**
 * The public URL scheme of the site. Support articles we do not control link to
 * these addresses for years, so every one of them is permanent: add new forms,
 * never change or drop an existing one. `tests/published-urls.txt` lists every
 * address the built site serves and a test fails when one disappears.
 *
 * | What                   | URL                                        | Example                             |
 * | ---------------------- | ------------------------------------------ | ----------------------------------- |
 * | Port overview          | `/`                                        | `/`                                 |
 * | A tab                  | `/#<deployment>`                           | `/#onsite`                          |
 * | A rule's row in a tab  | `/#<deployment>-<ruleId>`                  | `/#onsite-ntp-time`                 |
 * | A rule's first row     | `/#<ruleId>`                               | `/#ntp-time`                        |
 * | A rule's page          | `/rules/<ruleId>/`                         | `/rules/ntp-time/`                  |
 * | A filtered view        | `/?device=…&protocol=…&direction=…&q=…#<deployment>` | `/?device=phone#cloud`    |
 * | A firewall snippet     | `/snippets/<deployment>/<platform>.txt`    | `/snippets/onsite/nftables.txt`     |
 * | All snippet files      | `/snippets/`                               | `/snippets/`                        |
 * | A check script         | `/checks/<deployment>/<variant>.<ext>`     | `/checks/onsite/linux-macos.sh`     |
 * | A tab's network diagram | `/diagrams/<deployment>.svg`              | `/diagrams/onsite.svg`              |
 * | A data feed            | see `FEED_PATHS` below | `/ports.json`, `/changelog.xml` |
 *
 * Rule ids are permanent (see content/rules.yaml). A renamed rule keeps its old id
 * under `aliases`, and every form above accepts an alias in place of the id:
 * `/#<alias>` and `/#<deployment>-<alias>` land on the rule's row (resolved in the
 * browser from the link index embedded in the overview), and `/rules/<alias>/`
 * is a redirect page to the rule's page.
 *
 * Row anchors are element ids that work without JavaScript; the bare `#<ruleId>`
 * and alias forms need the page script, which activates the right tab, scrolls
 * to the row and highlights it.
 */

/** The port overview, home of both tabs. */
export const OVERVIEW_PATH = '/';

/** The element id of a rule's row in a tab, e.g. "onsite-ntp-time". */
export function rowAnchor(deployment: Deployment, ruleId: string): string {
  return `${deployment}-${ruleId}`;
}

/** The fragment that selects a tab, e.g. "#onsite". */
export function tabFragment(deployment: Deployment): string {
  return `#${deployment}`;
}

/** Link to a tab of the port overview, e.g. "/#onsite". */
export function tabUrl(deployment: Deployment): string {
  return `${OVERVIEW_PATH}${tabFragment(deployment)}`;
}

/** A tab's network diagram as a standalone SVG file, for support articles, e.g. "/diagrams/onsite.svg". */
export function diagramUrl(deployment: Deployment): string {
  return `/diagrams/${deployment}.svg`;
}

/** Link to a rule's row in one tab, e.g. "/#onsite-ntp-time". */
export function rowUrl(deployment: Deployment, ruleId: string): string {
  return `${OVERVIEW_PATH}#${rowAnchor(deployment, ruleId)}`;
}

/** Link to a rule's first row, whichever tab it is in, e.g. "/#ntp-time". */
export function ruleRowUrl(ruleId: string): string {
  return `${OVERVIEW_PATH}#${ruleId}`;
}

/** Link to a rule's own page, e.g. "/rules/ntp-time/". */
export function rulePageUrl(ruleId: string): string {
  return `/rules/${ruleId}/`;
}

/** Link to the ready-to-paste rules of one firewall platform for one deployment. */
export function snippetUrl(deployment: Deployment, platform: string): string {
  return `/snippets/${deployment}/${platform}.txt`;
}

/** A tab's check script for one kind of machine (src/lib/checks/variants.ts), e.g. "/checks/onsite/windows.ps1". */
export function checkScriptUrl(deployment: Deployment, variant: { id: string; ext: string }): string {
  return `/checks/${deployment}/${variant.id}.${variant.ext}`;
}

/** The page listing every published snippet file. */
export const SNIPPET_INDEX_PATH = '/snippets/';

/** The generator input of both tabs, fetched by the snippet panel when it starts. */
export const SNIPPET_DATA_PATH = '/snippets/data.json';

/** What a filtered view of the overview shows; every field is optional. */
export interface FilterLink {
  deployment?: Deployment;
  devices?: readonly string[];
  protocols?: readonly Protocol[];
  direction?: Direction;
  /** Free-text search. */
  query?: string;
}

/**
 * Link to a filtered view of the overview, e.g. "/?device=phone&protocol=udp#cloud".
 * Several devices or protocols repeat their parameter. The parameters are read by
 * the filter on the overview; unknown values are ignored there, so an old link
 * never breaks the page.
 */
export function filterUrl({
  deployment,
  devices = [],
  protocols = [],
  direction,
  query,
}: FilterLink): string {
  const params = new URLSearchParams();
  for (const device of devices) params.append(FILTER_PARAMS.device, device);
  for (const protocol of protocols) params.append(FILTER_PARAMS.protocol, protocol);
  if (direction !== undefined) params.set(FILTER_PARAMS.direction, direction);
  if (query !== undefined && query.trim() !== '') params.set(FILTER_PARAMS.query, query.trim());
  const search = params.toString();
  return `${OVERVIEW_PATH}${search === '' ? '' : `?${search}`}${deployment === undefined ? '' : `#${deployment}`}`;
}

/** A site-relative URL made absolute against the site's origin, for copying and for meta tags. */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

/**
 * Where each feed is published, relative to the site root. These addresses are
 * public (listed in tests/published-urls.txt): keep them.
 */
export const FEED_PATHS = {
  json: '/ports.json',
  schema: '/ports.schema.json',
  csv: '/ports.csv',
  atom: '/changelog.xml',
  changelogPage: '/changelog/',
} as const;

/** Address of the plain-text list of one tab and direction, e.g. "/ports/onsite-inbound.txt". */
export function portListPath(deployment: Deployment, direction: Direction): string {
  return `/ports/${deployment}-${direction}.txt`;
}
