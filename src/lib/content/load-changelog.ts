import { getCollection } from 'astro:content';
import { contentFiles } from './files';
import { assembleChangelog, type Changelog } from './changelog';
import { loadPortData } from './load-port-data';

let cached: Promise<Changelog> | undefined;

/** The changelog the feeds and the changelog page read, checked against the rules once per build. */
export function loadChangelog(): Promise<Changelog> {
  cached ??= (async () => {
    const [entries, data] = await Promise.all([getCollection('changelog'), loadPortData()]);
    return assembleChangelog(
      entries.map((entry) => entry.data),
      data,
      contentFiles.changelog,
    );
  })();
  return cached;
}
