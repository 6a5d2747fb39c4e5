/** The address the site is built for when `SITE_URL` is not set: a placeholder, not a real host. */
export const DEFAULT_SITE_URL = 'https://ports.pascom.example';

/**
 * The site's address from the `SITE_URL` environment variable, read once at
 * build time by astro.config.mjs. Every absolute URL the build writes (canonical
 * links, Open Graph tags, the sitemap, robots.txt, the feeds and their links)
 * is made from it. Only an origin is accepted: the site is served from the root
 * of its host, and a path or query would end up in every address.
 */
export function siteUrl(value?: string): string {
  const text = value?.trim() ?? '';
  if (text === '') return DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SITE_URL "${text}" is not an absolute address such as https://ports.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL "${text}" must start with https:// (or http://)`);
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.pathname !== '/'
  ) {
    throw new Error(`SITE_URL "${text}" must be the site's origin only, such as https://ports.example.com`);
  }
  return url.origin;
}
