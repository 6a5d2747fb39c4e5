import type { APIRoute } from 'astro';
import { loadPortData } from '../lib/content/load-port-data';
import { loadFeedContext } from '../lib/feeds/feed-context';
import { renderPortsJson } from '../lib/feeds/ports-document';

/** /ports.json: every rule with permanent ids, aliases and placements, versioned. */
export const GET: APIRoute = async ({ site }) => {
  const [data, context] = await Promise.all([loadPortData(), loadFeedContext(site)]);
  return new Response(renderPortsJson(data, context), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
