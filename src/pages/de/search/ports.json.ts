import type { APIRoute } from 'astro';
import { portSearchFile } from '../../../lib/content/port-search-file';

/** /de/search/ports.json: the site search's port index, in German (src/lib/ui/port-search.ts). */
export const GET: APIRoute = async () =>
  new Response(await portSearchFile('de'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
