import { getCollection } from 'astro:content';
import { changelogFile } from './content-dir';
import { assembleChangelog, type Changelog } from './changelog';
import { loadPortData } from './load-port-data';
import { feedContext, type FeedContext } from './feeds/feed-paths';

let cached: Promise<Changelog> | undefined;

/** The changelog the feeds and the changelog page read, checked against the rules once per build. */
export function loadChangelog(): Promise<Changelog> {
  cached ??= (async () => {
    const [entries, data] = await Promise.all([getCollection('changelog'), loadPortData()]);
    return assembleChangelog(
      entries.map((entry) => entry.data),
      data,
      changelogFile,
    );
  })();
  return cached;
}

/** Version, date and site address every feed states; fails the build when `site` is not configured. */
export async function loadFeedContext(site: URL | undefined): Promise<FeedContext> {
  if (!site) throw new Error('The feeds need absolute addresses: set `site` in astro.config.mjs');
  return feedContext(await loadChangelog(), site);
}
