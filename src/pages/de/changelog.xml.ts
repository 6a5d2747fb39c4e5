import type { APIRoute } from 'astro';
import { loadGermanChangelog } from '../../lib/content/load-changelog';
import { renderChangelogAtom } from '../../lib/feeds/changelog-atom';
import { uiTexts } from '../../lib/content/ui-texts';

/** /de/changelog.xml: the German changelog as an Atom 1.0 feed, linking to the German pages. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('The Atom feed needs absolute addresses: set `site` in astro.config.mjs');
  const texts = uiTexts('de');
  return new Response(
    renderChangelogAtom(await loadGermanChangelog(), site, texts['site.title'], { lang: 'de', texts }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
};
