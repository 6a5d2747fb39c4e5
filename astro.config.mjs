// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  site: 'https://ports.pascom.example',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: 'pascom firewall ports',
      description:
        'Which ports to open in your firewall for the pascom phone system, with ready-to-paste rules.',
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' } },
      customCss: ['./src/styles/global.css'],
      components: {
        Search: './src/components/overrides/Search.astro',
      },
      sidebar: [
        { label: 'Port overview', link: '/' },
        { label: 'Changelog', link: '/changelog/' },
      ],
      // Lets feed readers find the changelog's Atom feed from any page.
      head: [
        {
          tag: 'link',
          attrs: {
            rel: 'alternate',
            type: 'application/atom+xml',
            title: 'pascom firewall ports: changelog',
            href: '/changelog.xml',
          },
        },
      ],
      lastUpdated: false,
      pagination: false,
    }),
    mdx(),
  ],
  vite: { plugins: [tailwindcss()] },
});
