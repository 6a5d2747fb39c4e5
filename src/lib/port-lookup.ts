import type { PortRange } from './ports';

/**
 * Answers "which rule is port N?" for the overview's filter and the site search. Rules
 * list ranges (RTP voice: 30000-35000), so a port is found inside them rather than by
 * its digits. This module imports nothing at run time, so the browser shares it.
 */

/** A rule as far as its ports go. */
export interface RulePorts {
  id: string;
  ports: readonly PortRange[];
}

/** Words that may stand around a port number without changing the question. */
const PORT_WORDS = new Set(['port', 'ports', 'tcp', 'udp']);

/**
 * The one port a search asks about: "31000", "Port 31000", "31000/udp" or "udp 31000"
 * give 31000. Anything else (two numbers, a range, a word such as "voicemail") is not
 * a question about one port, and gives undefined.
 */
export function askedPort(query: string): number | undefined {
  const words = query
    .toLowerCase()
    .split(/[\s,/:]+/)
    .filter((word) => word !== '');
  const numbers = words.filter((word) => /^\d{1,5}$/.test(word));
  if (numbers.length !== 1 || !words.every((word) => word === numbers[0] || PORT_WORDS.has(word)))
    return undefined;
  const port = Number(numbers[0]);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** The rules that list the port, inside a range or as itself, in the order given. */
export function rulesWithPort<T extends RulePorts>(rules: readonly T[], port: number): T[] {
  return rules.filter((rule) => rule.ports.some(({ from, to }) => from <= port && port <= to));
}

/** How far a port lies outside a range; 0 inside it. */
function distance(port: number, { from, to }: PortRange): number {
  return port < from ? from - port : port > to ? port - to : 0;
}

/**
 * The listed port closest to a port no rule lists, with its rule: for 5060 it is
 * 5061 (SIP connection). Of two equally close, the lower port wins, then the rule
 * given first. Undefined when there are no rules.
 */
export function nearestListedPort<T extends RulePorts>(
  rules: readonly T[],
  port: number,
): { rule: T; port: number } | undefined {
  let best: { rule: T; port: number; distance: number } | undefined;
  for (const rule of rules) {
    for (const range of rule.ports) {
      const listed = port < range.from ? range.from : port > range.to ? range.to : port;
      const away = distance(port, range);
      if (!best || away < best.distance || (away === best.distance && listed < best.port))
        best = { rule, port: listed, distance: away };
    }
  }
  return best && { rule: best.rule, port: best.port };
}
