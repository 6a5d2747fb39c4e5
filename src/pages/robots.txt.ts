import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/url/link-scheme';

/** /robots.txt: everything may be crawled; the sitemap's address follows the site's. */
export const GET: APIRoute = ({ site }) => {
  if (!site)
    throw new Error('robots.txt names the sitemap by its full address: set `site` in astro.config.mjs');
  const text = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl('/sitemap-index.xml', site)}`, ''];
  return new Response(text.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
