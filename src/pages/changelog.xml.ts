import type { APIRoute } from 'astro';
import { loadChangelog } from '../lib/content/load-changelog';
import { FEED_TITLE } from '../lib/feeds/feed-context';
import { renderChangelogAtom } from '../lib/feeds/changelog-atom';

/** /changelog.xml: the changelog as an Atom 1.0 feed. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('The Atom feed needs absolute addresses: set `site` in astro.config.mjs');
  return new Response(renderChangelogAtom(await loadChangelog(), site, FEED_TITLE), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
