import { isJsonObject, isStringList, oneOf, parseJson } from '../json';
import { askedPort, nearestListedPort, rulesWithPort } from '../port-lookup';
import { formatPortList, type PortRange } from '../ports';
import { PORT_SEARCH_KEYS, parseTexts, type PortSearchTexts } from '../texts';
import { PROTOCOLS, type Lang } from '../../schemas/registries';
import { localPath } from '../lang';
import type { PortData } from '../model';

/**
 * The site search's answer to a port: Pagefind finds words, and a rule lists its
 * ports as ranges (RTP voice: 30000-35000), so a search for 31000 finds nothing
 * there. For a search that asks about one port, the search's code fetches this
 * small index of every rule's ports (/search/ports.json, /de/search/ports.json,
 * written by the build) and answers above Pagefind's results: the rules that list
 * the port, or, when none does, that it is not in pascom's list and which listed
 * port is nearest. Every other search is Pagefind's alone.
 */
export interface PortIndex {
  rules: PortIndexRule[];
  texts: PortSearchTexts;
}

interface PortIndexRule {
  id: string;
  /** The title in the index's language. */
  title: string;
  /** The rule page's path in the index's language. */
  path: string;
  ports: [number, number][];
  protocols: string[];
}

/** One rule of an answer, as the search shows it: "RTP voice, 30000-35000/UDP". */
export interface PortAnswerRule {
  title: string;
  path: string;
  ports: string;
}

/** What the search says about a port. */
export type PortAnswer =
  | { port: number; listed: PortAnswerRule[] }
  | { port: number; listed: []; nearest: { port: number; rule: PortAnswerRule } };

/**
 * The index of a language, at build time: every rule's ports, title and page, and
 * the texts of the answer. A range stays a range (two numbers), so the index stays
 * small however wide the ranges are.
 */
export function buildPortIndex(data: Pick<PortData, 'rules'>, lang: Lang, texts: PortSearchTexts): PortIndex {
  return {
    rules: data.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      path: localPath(lang, `/rules/${rule.id}/`),
      ports: rule.ports.map(({ from, to }) => [from, to]),
      protocols: [...rule.protocols],
    })),
    texts,
  };
}

const ranges = (rule: PortIndexRule): PortRange[] => rule.ports.map(([from, to]) => ({ from, to }));

function shown(rule: PortIndexRule): PortAnswerRule {
  const protocols = rule.protocols.map((protocol) => protocol.toUpperCase()).join('/');
  return { title: rule.title, path: rule.path, ports: `${formatPortList(ranges(rule))}/${protocols}` };
}

/** The answer to a search, or undefined when it does not ask about one port. */
export function answerPort(index: PortIndex, query: string): PortAnswer | undefined {
  const port = askedPort(query);
  if (port === undefined) return undefined;
  const entries = index.rules.map((rule) => ({ ...rule, ports: ranges(rule), rule }));
  const listed = rulesWithPort(entries, port).map((entry) => shown(entry.rule));
  if (listed.length > 0) return { port, listed };
  const nearest = nearestListedPort(entries, port);
  return nearest
    ? { port, listed: [], nearest: { port: nearest.port, rule: shown(nearest.rule.rule) } }
    : undefined;
}

function readRule(value: unknown): PortIndexRule | undefined {
  if (!isJsonObject(value)) return undefined;
  const { id, title, path, ports, protocols } = value;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof path !== 'string') return undefined;
  // Only a path of this site: the answer links to it.
  if (!/^\/[\w/-]*$/.test(path)) return undefined;
  if (!isStringList(protocols) || !protocols.every((protocol) => oneOf(PROTOCOLS, protocol)))
    return undefined;
  const isPair = (pair: unknown): pair is [number, number] =>
    Array.isArray(pair) &&
    pair.length === 2 &&
    pair.every((port) => Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535);
  if (!Array.isArray(ports) || !ports.every(isPair)) return undefined;
  return { id, title, path, ports, protocols };
}

/** Reads the index back in the browser; damaged data gives undefined, and the search stays Pagefind's. */
export function parsePortIndex(json: string | null | undefined): PortIndex | undefined {
  const value = parseJson(json);
  if (!isJsonObject(value) || !Array.isArray(value.rules)) return undefined;
  const rules: PortIndexRule[] = [];
  for (const raw of value.rules) {
    const rule = readRule(raw);
    if (!rule) return undefined;
    rules.push(rule);
  }
  const texts = parseTexts(value.texts, PORT_SEARCH_KEYS);
  return texts && { rules, texts };
}
