import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { pageTexts } from './lib/content/ui-texts';
import { FEED_PATHS } from './lib/url/link-scheme';

/**
 * Lets feed readers find the changelog's Atom feed from any page: the feed of the
 * page's language, under its title in that language.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const { t, path } = pageTexts(context.url);
  context.locals.starlightRoute.head.push({
    tag: 'link',
    attrs: {
      rel: 'alternate',
      type: 'application/atom+xml',
      title: t('atom.title', { site: t('site.title') }),
      href: path(FEED_PATHS.atom),
    },
  });
});
