import type { APIRoute } from 'astro';
import { snippetDataFile } from '../../../lib/content/snippet-data-file';

/** /de/snippets/data.json: the snippet panel's rules and texts, in German. */
export const GET: APIRoute = async () =>
  new Response(await snippetDataFile('de'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
