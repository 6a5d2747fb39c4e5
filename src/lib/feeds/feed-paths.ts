import type { Deployment, Direction } from '../../schemas/registries';
import type { Changelog } from '../changelog';

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

/** What every feed states about the data it was built from. */
export interface FeedContext {
  /** The site's address, e.g. https://ports.pascom.example/ (from Astro's `site`). */
  site: URL;
  /** Data version, YYYY.MM.DD.N, from the newest changelog entry. */
  version: string;
  /** Day of that version, YYYY-MM-DD. */
  updated: string;
}

/** Name the feeds give as their title and author; the site's title. */
export const FEED_TITLE = 'pascom firewall ports';

/** What every feed states: the site address, and version and date of the newest changelog entry. */
export function feedContext(changelog: Changelog, site: URL): FeedContext {
  return { site, version: changelog.current.version, updated: changelog.current.date };
}
