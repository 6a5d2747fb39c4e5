import type { APIRoute } from 'astro';
import { snippetDataFile } from '../../lib/content/snippet-data-file';

/** /snippets/data.json: the snippet panel's rules and texts, in English. */
export const GET: APIRoute = async () =>
  new Response(await snippetDataFile('en'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
