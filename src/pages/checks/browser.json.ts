import type { APIRoute } from 'astro';
import { checkDataFile } from '../../lib/content/check-data-file';

/** /checks/browser.json: what the in-page connectivity check tests, and its texts, in English. */
export const GET: APIRoute = async () =>
  new Response(await checkDataFile('en'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
