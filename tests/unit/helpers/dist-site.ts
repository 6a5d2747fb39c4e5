import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readPage, urlOfFile, type BuiltSite } from './built-site';
import { siteUrl } from '../../../src/lib/site/site-url';

/** Where `astro build` writes the site. */
export const DIST = 'dist';

/** The site's origin as astro.config.mjs reads it from `SITE_URL`; links to it count as internal. */
export const SITE_ORIGIN = siteUrl(process.env.SITE_URL);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/**
 * Reads the built site from dist/. Fails loudly when there is none, because a
 * check over a missing build would pass without checking anything.
 */
export function readDistSite(folder: string = DIST): BuiltSite {
  if (!existsSync(join(folder, 'index.html'))) {
    throw new Error(`No built site in ${folder}/: run \`npx astro build\` before these tests.`);
  }
  const site: BuiltSite = { pages: new Map(), files: new Set() };
  for (const file of filesUnder(folder)) {
    const url = urlOfFile(file);
    if (file.endsWith('.html')) site.pages.set(url, readPage(url, readFileSync(join(folder, file), 'utf8')));
    else site.files.add(url);
  }
  return site;
}
