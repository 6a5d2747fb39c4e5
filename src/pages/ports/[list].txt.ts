import type { APIRoute, GetStaticPaths } from 'astro';
import type { Deployment, Direction } from '../../schemas/registries';
import { loadPortData } from '../../lib/content/load-port-data';
import { loadFeedContext } from '../../lib/feeds/feed-context';
import { portLists, renderPortList } from '../../lib/feeds/ports-text';

/** One plain-text list per tab and direction, e.g. /ports/onsite-inbound.txt. */
export const getStaticPaths = (async () => {
  const data = await loadPortData();
  return portLists(data).map(({ deployment, direction }) => ({
    params: { list: `${deployment}-${direction}` },
    props: { deployment, direction },
  }));
}) satisfies GetStaticPaths;

interface Props {
  deployment: Deployment;
  direction: Direction;
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const [data, context] = await Promise.all([loadPortData(), loadFeedContext(site)]);
  return new Response(renderPortList(data, props.deployment, props.direction, context), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
