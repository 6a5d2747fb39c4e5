import { DIRECTIONS, DIRECTION_LABELS, type Deployment, type Direction } from '../../schemas/registries';
import type { Endpoint } from '../../schemas/endpoint';
import type { PortData } from '../model';
import { OVERVIEW_PATH, absoluteUrl, FEED_PATHS, portListPath } from '../url/link-scheme';
import { type FeedContext } from './feed-context';
import { oneLine } from './one-line';
import { formatPortRange } from '../ports';

/** One plain-text list: the rows of one tab that open connections in one direction. */
export interface PortList {
  deployment: Deployment;
  direction: Direction;
  /** Address of the list, e.g. "/ports/cloud-outbound.txt". */
  path: string;
}

/** The lists that have at least one line, in tab order, then in the order of DIRECTIONS. */
export function portLists(data: PortData): PortList[] {
  return data.deployments.flatMap((deployment) =>
    DIRECTIONS.filter((direction) =>
      deployment.placements.some((placement) => placement.direction === direction),
    ).map((direction) => ({
      deployment: deployment.id,
      direction,
      path: portListPath(deployment.id, direction),
    })),
  );
}

/** Names written as the destination of a line: DNS names, or the endpoint id of a place without one. */
function destinationNames(endpoint: Endpoint): string[] {
  return endpoint.hosts.length > 0 ? endpoint.hosts : [endpoint.id];
}

/**
 * The lines of a list, each "port/protocol destination" such as "5061/tcp *.pascom.cloud"
 * or "30000-35000/udp *.pascom.cloud", in table order, each line once.
 */
export function portListLines(data: PortData, deployment: Deployment, direction: Direction): string[] {
  const view = data.deployments.find((candidate) => candidate.id === deployment);
  const lines = (view?.placements ?? [])
    .filter((placement) => placement.direction === direction)
    .flatMap((placement) =>
      placement.rule.ports.flatMap((range) =>
        placement.rule.protocols.flatMap((protocol) =>
          placement.destinations
            .flatMap(destinationNames)
            .map((name) => `${formatPortRange(range)}/${protocol} ${oneLine(name)}`),
        ),
      ),
    );
  return [...new Set(lines)];
}

/**
 * A list as published: "#" comment lines naming deployment, direction, version and
 * source, then the lines. Every value is flattened to one line, so text from the
 * content can never add a line that a script would read as a port to open.
 */
export function renderPortList(
  data: PortData,
  deployment: Deployment,
  direction: Direction,
  context: FeedContext,
): string {
  const view = data.deployments.find((candidate) => candidate.id === deployment);
  const places = [
    ...new Set(
      (view?.placements ?? [])
        .filter((placement) => placement.direction === direction)
        .flatMap((placement) => placement.destinations)
        .filter((endpoint) => endpoint.hosts.length === 0),
    ),
  ];
  const header = [
    `# pascom firewall ports: ${oneLine(view?.name ?? deployment)}, ${DIRECTION_LABELS[direction].toLowerCase()}`,
    `# Version: ${context.version} (updated ${context.updated})`,
    `# Source: ${absoluteUrl(OVERVIEW_PATH, context.site)}`,
    `# Changes: ${absoluteUrl(FEED_PATHS.changelogPage, context.site)}`,
    `# Details: ${absoluteUrl(FEED_PATHS.json, context.site)}`,
    `# One "port/protocol destination" per line. A destination is a DNS name ("*." stands for any name below it)${places.length > 0 ? ',' : '.'}`,
    ...places.map((endpoint) => `# or "${oneLine(endpoint.id)}": ${oneLine(endpoint.description)}`),
  ];
  return `${[...header, ...portListLines(data, deployment, direction)].join('\n')}\n`;
}
