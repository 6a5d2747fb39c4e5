import type { APIRoute, GetStaticPaths } from 'astro';
import { DEPLOYMENTS, type Deployment } from '../../schemas/registries';
import { loadPortData } from '../../lib/content/load-port-data';
import { loadFeedContext } from '../../lib/feeds/feed-context';
import { absoluteUrl, tabUrl } from '../../lib/url/link-scheme';
import { standaloneDiagram } from '../../lib/diagram/diagrams';

/** Each tab's network diagram as a self-contained SVG file for support articles, e.g. /diagrams/cloud.svg. */
export const getStaticPaths = (() =>
  DEPLOYMENTS.map((deployment) => ({
    params: { deployment },
    props: { deployment },
  }))) satisfies GetStaticPaths;

interface Props {
  deployment: Deployment;
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const [data, context] = await Promise.all([loadPortData(), loadFeedContext(site)]);
  const deployment = data.deployments.find((candidate) => candidate.id === props.deployment);
  if (!deployment) throw new Error(`No "${props.deployment}" tab to draw`);
  const svg = standaloneDiagram(deployment.placements, data.devices, {
    heading: `pascom ${deployment.name}: connections through your firewall`,
    version: context.version,
    tableUrl: absoluteUrl(tabUrl(deployment.id), context.site),
  });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
