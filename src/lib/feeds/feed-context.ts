import type { Changelog } from '../content/changelog';
import { loadChangelog } from '../content/load-changelog';

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

/** Version, date and site address every feed states; fails the build when `site` is not configured. */
export async function loadFeedContext(site: URL | undefined): Promise<FeedContext> {
  if (!site) throw new Error('The feeds need absolute addresses: set `site` in astro.config.mjs');
  return feedContext(await loadChangelog(), site);
}
