import type { APIRoute } from 'astro';
import { portSearchFile } from '../../lib/content/port-search-file';

/** /search/ports.json: the site search's port index, in English (src/lib/ui/port-search.ts). */
export const GET: APIRoute = async () =>
  new Response(await portSearchFile('en'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
