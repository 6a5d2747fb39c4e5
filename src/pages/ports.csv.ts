import type { APIRoute } from 'astro';
import { loadPortData } from '../lib/content/load-port-data';
import { loadFeedContext } from '../lib/feeds/feed-context';
import { renderPortsCsv } from '../lib/feeds/ports-csv';

/** /ports.csv: one row per rule and tab (RFC 4180, header row). */
export const GET: APIRoute = async ({ site }) => {
  const [data, context] = await Promise.all([loadPortData(), loadFeedContext(site)]);
  return new Response(renderPortsCsv(data, context), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
