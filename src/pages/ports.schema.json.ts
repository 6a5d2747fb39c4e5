import type { APIRoute } from 'astro';
import { portsJsonSchema } from '../lib/feeds/ports-schema';

/** /ports.schema.json: the JSON Schema (draft 2020-12) of /ports.json. */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('The schema needs an absolute $id: set `site` in astro.config.mjs');
  return new Response(`${JSON.stringify(portsJsonSchema(site), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};
