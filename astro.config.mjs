// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { readRuleNavigation } from './src/lib/content/rule-navigation.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { siteUrl } from './src/lib/site/site-url.ts';
import { SCRIPTED_MARK_SCRIPT } from './src/lib/site/own-scripts.ts';

// The one setting for the site's address; every absolute URL in the build follows it (README, "Site address").
const site = siteUrl(process.env.SITE_URL);
// Read before the content collections exist: the sitemap must not list the
// redirect pages left at old rule ids.
const rules = readRuleNavigation();
const redirectUrls = new Set(rules.redirectPaths.map((path) => new URL(path, site).href));

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Styles go into each page: no render-blocking stylesheet requests before the first paint.
  build: { inlineStylesheets: 'always' },
  integrations: [
    starlight({
      title: { en: 'pascom firewall ports', de: 'pascom Firewall-Ports' },
      description:
        'Which ports to open in your firewall for the pascom phone system, with ready-to-paste rules.',
      // English at the root, German under /de/, with the same paths, ids, fragments and parameters
      // (src/lib/lang.ts). Every page has its German twin, so Starlight never falls back to English.
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' }, de: { label: 'Deutsch', lang: 'de' } },
      customCss: ['./src/styles/global.css', './src/styles/port-overview.css', './src/styles/print.css'],
      components: {
        Search: './src/components/overrides/Search.astro',
        // Writes the page title as text, never as markup (src/components/overrides/Head.astro).
        Head: './src/components/overrides/Head.astro',
      },
      head: [
        // Marks the page as scripted before the first paint (src/lib/site/own-scripts.ts).
        { tag: 'script', content: SCRIPTED_MARK_SCRIPT },
        // The site has no preview image, so link previews use the small card.
        { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary' } },
      ],
      // Adds each page's language's Atom feed to its head (src/route-data.ts).
      routeMiddleware: './src/route-data.ts',
      // The sidebar's items may also be plain strings, and typescript-eslint then takes each
      // `link` key for the deprecated String.prototype.link.
      /* eslint-disable @typescript-eslint/no-deprecated -- not String.prototype.link, see above. */
      sidebar: [
        // Starlight puts each link under the page's language (/de/rules/ on German pages).
        { label: 'Port overview', translations: { de: 'Portübersicht' }, link: '/' },
        // One link to the index, not one per rule: a sidebar listing every rule would
        // repeat on every page and make the build grow with the square of the rules.
        { label: 'All rules', translations: { de: 'Alle Regeln' }, link: '/rules/' },
        { label: 'Changelog', translations: { de: 'Änderungsprotokoll' }, link: '/changelog/' },
      ],
      /* eslint-enable @typescript-eslint/no-deprecated */
      lastUpdated: false,
      pagination: false,
    }),
    // Added here rather than left to Starlight so redirect pages can be filtered out.
    sitemap({ filter: (page) => !redirectUrls.has(page) }),
    mdx(),
    // Last, so it sees the finished pages: writes dist/_headers with a hash-based CSP.
    securityHeadersIntegration({
      // The only origins beyond its own that the site's scripts may fetch (connect-src): the
      // in-page connectivity check's HTTPS probes. A host added in content that is not listed
      // here stops the build, naming the endpoint.
      connectSources: ['https://mypascom.net'],
    }),
  ],
  vite: { plugins: [tailwindcss()] },
});
