import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { pageTexts } from './lib/content/ui-texts';
import { FEED_PATHS } from './lib/url/link-scheme';

/**
 * Lets feed readers find the changelog's Atom feed from any page: the feed of the
 * page's language, under its title in that language.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  // The 404 pages are no addresses of their own, so they name no twin in the other language.
  if (route.id === '404' || route.id === 'de/404') {
    route.head = route.head.filter((entry) => !(entry.tag === 'link' && entry.attrs?.hreflang !== undefined));
  }
  const { t, path } = pageTexts(context.url);
  route.head.push({
    tag: 'link',
    attrs: {
      rel: 'alternate',
      type: 'application/atom+xml',
      title: t('atom.title', { site: t('site.title') }),
      href: path(FEED_PATHS.atom),
    },
  });
});
