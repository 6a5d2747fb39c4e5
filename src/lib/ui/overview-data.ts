import {
  DEPLOYMENTS,
  DIRECTIONS,
  PROTOCOLS,
  type Deployment,
  type Direction,
  type Protocol,
} from '../../schemas/registries';
import { isJsonObject, isStringList, oneOf, parseJson, scriptJson } from '../json';
import type { PortData } from '../model';
import type { PortRange } from '../ports';
import type { LinkIndex } from '../url/link-index';
import type { FilterableRule } from '../url/filter-state';
import { CLIENT_KEYS, parseTexts, type ClientTexts } from '../texts';
import { LANGS, type Lang } from '../../schemas/registries';

/**
 * What the port overview's scripts know about the rules, handed over by the
 * build as data: one JSON island in the page, written at build time and read
 * back (and checked) in the browser by this module alone. The filter matches
 * against it, the tabs resolve links with it; nothing is read back from the
 * markup. It is kept small: ids, registry values and port numbers, device names,
 * plus the lower-case text the free-text search looks in.
 */
export interface OverviewData {
  /** Device ids in legend order: the order of the chips, and of devices in the address. */
  devices: string[];
  /** Each device's name in the page's language, by id: the free-text search finds rules by it. */
  deviceNames: Record<string, string>;
  /** Every rule, by id. */
  rules: Record<string, RuleFacts>;
  /** Old rule ids mapped to the rule that now carries them. */
  aliases: Record<string, string>;
  /** The page's language. */
  lang: Lang;
  /** The texts the scripts write, in the page's language. */
  texts: ClientTexts;
}

/** One rule as the browser needs it. */
interface RuleFacts {
  /** The tabs the rule has a row in, in tab order, each with the direction of its row there. */
  tabs: Partial<Record<Deployment, Direction>>;
  devices: string[];
  protocols: Protocol[];
  /** Port ranges as [from, to]; a single port has from = to. */
  ports: [number, number][];
  /** Lower-case text the free-text search looks in besides the device names: title, purpose and protocols. */
  text: string;
}

/** The id of the JSON script element that carries the data. */
export const OVERVIEW_DATA_ELEMENT_ID = 'pf-overview-data';

/** The text the free-text search looks in, as the reader sees it on the row. */
function searchText(texts: readonly string[]): string {
  return texts.join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Builds the data from the resolved content (at build time). */
export function buildOverviewData(
  data: Pick<PortData, 'devices' | 'rules' | 'deployments' | 'aliases'>,
  lang: Lang,
  texts: ClientTexts,
) {
  const rules: Record<string, RuleFacts> = {};
  for (const rule of data.rules) {
    rules[rule.id] = {
      tabs: {},
      devices: rule.devices.map((device) => device.id),
      protocols: [...rule.protocols],
      ports: rule.ports.map(({ from, to }) => [from, to]),
      text: searchText([rule.title, rule.purpose, ...rule.protocols]),
    };
  }
  for (const deployment of data.deployments) {
    for (const placement of deployment.placements) {
      const facts = rules[placement.rule.id];
      if (facts) facts.tabs[deployment.id] = placement.direction;
    }
  }
  return {
    devices: data.devices.map((device) => device.id),
    deviceNames: Object.fromEntries(data.devices.map((device) => [device.id, device.name])),
    rules,
    aliases: Object.fromEntries(data.aliases),
    lang,
    texts,
  } satisfies OverviewData;
}

/** The data as JSON safe to put inside a `<script type="application/json">` element. */
export function serialiseOverviewData(data: OverviewData): string {
  return scriptJson(data);
}

function isPortPair(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((port) => typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535)
  );
}

function readRule(value: unknown): RuleFacts | undefined {
  if (!isJsonObject(value) || !isJsonObject(value.tabs)) return undefined;
  const { tabs, devices, protocols, ports, text } = value;
  if (!isStringList(devices) || typeof text !== 'string') return undefined;
  if (!Array.isArray(protocols) || !protocols.every((protocol) => oneOf(PROTOCOLS, protocol)))
    return undefined;
  if (!Array.isArray(ports) || !ports.every(isPortPair)) return undefined;
  const directions: Partial<Record<Deployment, Direction>> = {};
  for (const [deployment, direction] of Object.entries(tabs)) {
    if (!oneOf(DEPLOYMENTS, deployment) || !oneOf(DIRECTIONS, direction)) return undefined;
    directions[deployment] = direction;
  }
  return { tabs: directions, devices, protocols, ports, text };
}

/**
 * Reads the data back in the browser. Damaged or missing data yields undefined,
 * and the page then stays as the HTML has it (every row shown) instead of
 * failing.
 */
export function parseOverviewData(json: string | null | undefined): OverviewData | undefined {
  const value = parseJson(json);
  if (!isJsonObject(value) || !isStringList(value.devices)) return undefined;
  if (!isJsonObject(value.rules) || !isJsonObject(value.aliases)) return undefined;
  if (!isJsonObject(value.deviceNames)) return undefined;
  const deviceNames: Record<string, string> = {};
  for (const [id, name] of Object.entries(value.deviceNames)) {
    if (typeof name !== 'string') return undefined;
    deviceNames[id] = name;
  }
  const rules: Record<string, RuleFacts> = {};
  for (const [id, raw] of Object.entries(value.rules)) {
    const rule = readRule(raw);
    if (!rule) return undefined;
    rules[id] = rule;
  }
  const aliases: Record<string, string> = {};
  for (const [alias, ruleId] of Object.entries(value.aliases)) {
    if (typeof ruleId !== 'string') return undefined;
    aliases[alias] = ruleId;
  }
  if (!oneOf(LANGS, value.lang)) return undefined;
  const texts = parseTexts(value.texts, CLIENT_KEYS);
  if (!texts) return undefined;
  return { devices: value.devices, deviceNames, rules, aliases, lang: value.lang, texts };
}

/** Reads the island of the page this runs in. */
export function readOverviewData(doc: Document = document): OverviewData | undefined {
  return parseOverviewData(doc.getElementById(OVERVIEW_DATA_ELEMENT_ID)?.textContent);
}

/** What the links into the overview resolve with: which tabs each rule is in, and old ids. */
export function linkIndexOf(data: Pick<OverviewData, 'rules' | 'aliases'>): LinkIndex {
  const rules: Record<string, Deployment[]> = {};
  for (const [id, facts] of Object.entries(data.rules)) {
    rules[id] = DEPLOYMENTS.filter((deployment) => facts.tabs[deployment] !== undefined);
  }
  return { rules, aliases: { ...data.aliases } };
}

/** The ids of a tab's rules, in the order of the data (file order, not table order). */
export function ruleIdsIn(data: OverviewData, deployment: Deployment): string[] {
  return Object.keys(data.rules).filter((id) => data.rules[id]?.tabs[deployment] !== undefined);
}

/** The text the free-text search looks in, per rule, made once: the filter asks for it on every change. */
const searchTexts = new WeakMap<RuleFacts, string>();

/**
 * What the free-text search looks in: the title, purpose and protocols, and the
 * device names ("phone" finds the rules an IP phone needs), in lower case.
 */
function searchTextOf(data: OverviewData, facts: RuleFacts): string {
  let text = searchTexts.get(facts);
  if (text === undefined) {
    const names = facts.devices.map((device) => data.deviceNames[device] ?? '');
    text = searchText([facts.text, ...names]);
    searchTexts.set(facts, text);
  }
  return text;
}

/** A rule of one tab as the filter matches it; undefined when the rule has no row there. */
export function filterableRule(
  data: OverviewData,
  deployment: Deployment,
  id: string,
): FilterableRule | undefined {
  const facts = Object.hasOwn(data.rules, id) ? data.rules[id] : undefined;
  const direction = facts?.tabs[deployment];
  if (!facts || direction === undefined) return undefined;
  const ports: PortRange[] = facts.ports.map(([from, to]) => ({ from, to }));
  const text = searchTextOf(data, facts);
  return { id, devices: facts.devices, protocols: facts.protocols, direction, ports, text };
}
