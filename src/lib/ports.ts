/**
 * Port ranges, the most basic value of the domain: how the content writes them,
 * how every page, feed and firewall rule prints them, and how a reader's search
 * for a port is read. This module imports nothing, so the schemas, the build and
 * the browser all share it.
 */

/** The lowest and highest TCP/UDP port a rule may name. */
const PORT_MIN = 1;
const PORT_MAX = 65535;

/** An inclusive port range; a single port has `from === to`. */
export interface PortRange {
  from: number;
  to: number;
}

/** Whether a number is a port a rule may name. */
function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= PORT_MIN && port <= PORT_MAX;
}

/**
 * A port range from the content's spelling: 5061, "5061" or "30000-35000" (spaces
 * around the dash allowed). Gives the range, or a message for a content editor.
 */
export function parsePortRange(value: number | string): PortRange | { error: string } {
  if (typeof value === 'number') {
    return isPort(value) ? { from: value, to: value } : { error: outside('port', value) };
  }
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
  if (!match) return { error: `"${value}" is not a port or a range; write 5061 or "30000-35000"` };
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  if (!isPort(from)) return { error: outside('port', from) };
  if (!isPort(to)) return { error: outside('port', to) };
  if (match[2] !== undefined && from >= to) {
    return { error: `range "${value}" is reversed or empty: the first port must be lower than the second` };
  }
  return { from, to };
}

function outside(what: string, port: number): string {
  return `${what} ${port} is outside the valid port range ${PORT_MIN}-${PORT_MAX}`;
}

/**
 * One range as text: "5061" or "30000-35000". Firewalls that write ranges with
 * another separator (iptables, pf, ufw: "30000:35000") pass it.
 */
export function formatPortRange({ from, to }: PortRange, separator = '-'): string {
  return from === to ? String(from) : `${from}${separator}${to}`;
}

/** A rule's ports as people write them: "5061", "30000-35000", "80, 443". */
export function formatPortList(ports: readonly PortRange[], joiner = ', '): string {
  return ports.map((range) => formatPortRange(range)).join(joiner);
}

/**
 * Reads what a reader types when searching for ports: "5061", "30000-35000",
 * "80 443" or "80, 443". Pieces that are not ports are skipped; a range written
 * backwards is turned round.
 */
export function parsePortList(text: string): PortRange[] {
  const ranges: PortRange[] = [];
  for (const piece of text.split(/[\s,]+/)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(piece);
    if (!match) continue;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    ranges.push(from <= to ? { from, to } : { from: to, to: from });
  }
  return ranges;
}
