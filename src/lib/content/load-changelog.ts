import type { Lang } from '../../schemas/registries';
import { getCollection } from 'astro:content';
import { contentFiles, germanFiles } from './files';
import { assembleChangelog, type Changelog } from './changelog';
import { loadPortData } from './load-port-data';
import {
  checkGermanChangelogTexts,
  completeTexts,
  translateChangelog,
  type GermanChangelogTexts,
} from './translations';

let cached: Promise<{ changelog: Changelog; german: GermanChangelogTexts }> | undefined;

/**
 * The changelog, checked against the rules, and its German texts, checked against
 * it, once per build. Every build renders the changelog and the feeds' version, so
 * a missing German text fails every build.
 */
function loadBothEditions(): Promise<{ changelog: Changelog; german: GermanChangelogTexts }> {
  cached ??= (async () => {
    const [entries, deEntries, data] = await Promise.all([
      getCollection('changelog'),
      getCollection('deChangelog'),
      loadPortData(),
    ]);
    const records = entries.map((entry) => entry.data);
    // English first: its own problems (an unknown rule, a wrong order) are the ones to fix first.
    const changelog = assembleChangelog(records, data, contentFiles.changelog);
    const german = completeTexts(
      checkGermanChangelogTexts(
        records,
        deEntries.map((entry) => entry.data),
        { english: contentFiles.changelog, german: germanFiles.changelog },
      ),
    );
    return { changelog, german };
  })();
  return cached;
}

/** The changelog the feeds and the changelog page read. */
export async function loadChangelog(): Promise<Changelog> {
  return (await loadBothEditions()).changelog;
}

/** The changelog with titles and summaries in German, for the German changelog page and Atom feed. */
export async function loadGermanChangelog(): Promise<Changelog> {
  const { changelog, german } = await loadBothEditions();
  return translateChangelog(changelog, german);
}

/** The changelog of a page's language. */
export function loadChangelogIn(lang: Lang): Promise<Changelog> {
  return lang === 'de' ? loadGermanChangelog() : loadChangelog();
}
