import type { APIRoute } from 'astro';
import { loadPortData } from '../../lib/content/load-port-data';
import { toSnippetInput } from '../../lib/firewall/plan';
import type { SnippetData } from '../../lib/firewall/snippet-data';

/**
 * The generator input of both tabs, for the snippet panel. It is a file of its
 * own rather than part of the overview, so only readers who use the panel fetch it.
 */
export const GET: APIRoute = async () => {
  const data = await loadPortData();
  const body: SnippetData = Object.fromEntries(
    data.deployments.map((view) => [view.id, toSnippetInput(view)]),
  );
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
