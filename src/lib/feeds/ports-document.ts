import type { EndpointKind, Deployment, Direction, Protocol } from '../../schemas/registries';
import type { Endpoint } from '../../schemas/endpoint';
import type { Placement, PortData } from '../model';
import { OVERVIEW_PATH, absoluteUrl, rowUrl, FEED_PATHS } from '../url/link-scheme';
import { type FeedContext } from './feed-context';

/** A rule as one row of one tab, in the JSON feed. */
interface PlacementRecord {
  /** Permanent id of the row, "<deployment>-<rule id>"; also its anchor on the overview. */
  id: string;
  deployment: Deployment;
  direction: Direction;
  /** Endpoint id where connections start. */
  source: string;
  /** Endpoint ids connections go to. */
  destinations: string[];
  /** DNS names of the destinations; empty when they are places (such as your network). */
  hosts: string[];
  /** Link to the row on the port overview. */
  url: string;
}

/** A rule's texts for readers, as in the English fields of the same names. */
interface RuleTexts {
  title: string;
  purpose: string;
  ifBlocked: string;
}

interface RuleRecord extends RuleTexts {
  id: string;
  aliases: string[];
  ports: { from: number; to: number }[];
  protocols: Protocol[];
  /** Device ids. */
  devices: string[];
  /** One per tab the rule appears in, in tab order. */
  placements: PlacementRecord[];
  /** The same texts in German, as the German pages show them. */
  de: RuleTexts;
}

/** The document published as /ports.json; its shape is described by /ports.schema.json. */
export interface PortsDocument {
  $schema: string;
  version: string;
  updated: string;
  /** The port overview page. */
  source: string;
  /** The human-readable changelog; /changelog.xml is its Atom feed. */
  changelog: string;
  devices: { id: string; name: string; de: { name: string } }[];
  endpoints: { id: string; name: string; kind: EndpointKind; hosts: string[]; de: { name: string } }[];
  rules: RuleRecord[];
}

/** Every DNS name behind a list of endpoints, each once, in order. */
export function hostsOf(endpoints: readonly Endpoint[]): string[] {
  return [...new Set(endpoints.flatMap((endpoint) => endpoint.hosts))];
}

function placementRecord(placement: Placement, context: FeedContext): PlacementRecord {
  return {
    id: placement.anchor,
    deployment: placement.deployment,
    direction: placement.direction,
    source: placement.source.id,
    destinations: placement.destinations.map((endpoint) => endpoint.id),
    hosts: hostsOf(placement.destinations),
    url: absoluteUrl(rowUrl(placement.deployment, placement.rule.id), context.site),
  };
}

function ruleTexts({ title, purpose, ifBlocked }: RuleTexts): RuleTexts {
  return { title, purpose, ifBlocked };
}

/** The German counterpart of an English entry; the German data holds the same ids. */
function germanOf<T extends { id: string }>(entries: readonly T[], id: string, kind: string): T {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`the German data has no ${kind} "${id}"`);
  return entry;
}

/**
 * Builds the JSON feed: every rule with its permanent id, aliases and the rows it
 * forms in each tab. `german` is the same data with German texts (loadGermanPortData);
 * each device, endpoint and rule carries them under `de`, beside the English fields.
 */
export function buildPortsDocument(data: PortData, german: PortData, context: FeedContext): PortsDocument {
  const placements = data.deployments.flatMap((deployment) => deployment.placements);
  return {
    $schema: absoluteUrl(FEED_PATHS.schema, context.site),
    version: context.version,
    updated: context.updated,
    source: absoluteUrl(OVERVIEW_PATH, context.site),
    changelog: absoluteUrl(FEED_PATHS.changelogPage, context.site),
    devices: data.devices.map(({ id, name }) => ({
      id,
      name,
      de: { name: germanOf(german.devices, id, 'device').name },
    })),
    endpoints: data.endpoints.map(({ id, name, kind, hosts }) => ({
      id,
      name,
      kind,
      hosts: [...hosts],
      de: { name: germanOf(german.endpoints, id, 'endpoint').name },
    })),
    rules: data.rules.map((rule) => ({
      id: rule.id,
      aliases: [...rule.aliases],
      title: rule.title,
      purpose: rule.purpose,
      ifBlocked: rule.ifBlocked,
      ports: rule.ports.map(({ from, to }) => ({ from, to })),
      protocols: [...rule.protocols],
      devices: rule.devices.map((device) => device.id),
      placements: placements
        .filter((placement) => placement.rule.id === rule.id)
        .map((placement) => placementRecord(placement, context)),
      de: ruleTexts(germanOf(german.rules, rule.id, 'rule')),
    })),
  };
}

/** The JSON feed as published: two-space indented, ending with a newline. */
export function renderPortsJson(data: PortData, german: PortData, context: FeedContext): string {
  return `${JSON.stringify(buildPortsDocument(data, german, context), null, 2)}\n`;
}
