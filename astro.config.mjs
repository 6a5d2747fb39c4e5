// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { readRuleNavigation } from './src/lib/site-navigation.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';

const site = 'https://ports.pascom.example';
// Read before the content collections exist: the sidebar lists every rule page,
// and the sitemap must not list the redirect pages left at old rule ids.
const rules = readRuleNavigation();
const redirectUrls = new Set(rules.redirectPaths.map((path) => new URL(path, site).href));

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'pascom firewall ports',
      description:
        'Which ports to open in your firewall for the pascom phone system, with ready-to-paste rules.',
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' } },
      customCss: ['./src/styles/global.css', './src/styles/print.css'],
      components: {
        Search: './src/components/overrides/Search.astro',
      },
      // The site has no preview image, so link previews use the small card.
      head: [{ tag: 'meta', attrs: { name: 'twitter:card', content: 'summary' } }],
      sidebar: [
        { label: 'Port overview', link: '/' },
        { label: 'Rules', collapsed: true, items: rules.sidebar },
      ],
      lastUpdated: false,
      pagination: false,
    }),
    // Added here rather than left to Starlight so redirect pages can be filtered out.
    sitemap({ filter: (page) => !redirectUrls.has(page) }),
    mdx(),
    // Last, so it sees the finished pages: writes dist/_headers with a hash-based CSP.
    securityHeadersIntegration(),
  ],
  vite: { plugins: [tailwindcss()] },
});
