import type { APIRoute } from 'astro';
import { checkDataFile } from '../../../lib/content/check-data-file';

/** /de/checks/browser.json: what the in-page connectivity check tests, and its texts, in German. */
export const GET: APIRoute = async () =>
  new Response(await checkDataFile('de'), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
