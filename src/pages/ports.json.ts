import type { APIRoute } from 'astro';
import { loadGermanPortData, loadPortData } from '../lib/content/load-port-data';
import { loadFeedContext } from '../lib/feeds/feed-context';
import { renderPortsJson } from '../lib/feeds/ports-document';

/** /ports.json: every rule with permanent ids, aliases and placements, versioned, with its German texts. */
export const GET: APIRoute = async ({ site }) => {
  const [data, german, context] = await Promise.all([
    loadPortData(),
    loadGermanPortData(),
    loadFeedContext(site),
  ]);
  return new Response(renderPortsJson(data, german, context), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
