/**
 * Values the pf, pfSense and OPNsense grammar checks share: addresses,
 * networks, host names, and the way every message names its line.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Address family of a literal address or network, or undefined when it is neither. */
export type Family = 4 | 6;

/**
 * An IPv4 or IPv6 address, optionally with a prefix length (`10.1.0.0/16`,
 * `2001:db8::/48`). The prefix must fit the family: 0-32 for IPv4, 0-128 for IPv6.
 */
export function addressFamily(text: string): Family | undefined {
  const slash = text.indexOf('/');
  const address = slash === -1 ? text : text.slice(0, slash);
  const family: Family | undefined = isIPv4(address) ? 4 : isIPv6(address) ? 6 : undefined;
  if (family === undefined) return undefined;
  if (slash === -1) return family;
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return undefined;
  return Number(prefix) <= (family === 4 ? 32 : 128) ? family : undefined;
}

/**
 * A fully qualified host name in the sense of RFC 1123: labels of letters,
 * digits and inner hyphens, 1-63 characters each, at most 253 in all, and a
 * last label that is not all digits (so an address is never taken for a name).
 */
export function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.replace(/\.$/, '').split('.');
  if (labels.length < 2) return false;
  const last = labels[labels.length - 1]!;
  if (/^\d+$/.test(last)) return false;
  return labels.every((label) => /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/.test(label));
}

/** A decimal port number 1-65535 without leading zeros or signs. */
export function isPortNumber(text: string): boolean {
  return /^[1-9]\d{0,4}$/.test(text) && Number(text) <= 65535;
}

/** The snippet's lines, 1-based, for messages that quote a line. */
export class SnippetLines {
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split('\n');
  }

  /** The text of line `number` (1-based), or an empty string past the end. */
  text(number: number): string {
    return this.lines[number - 1] ?? '';
  }

  /** "line 12 `pass quick ...`: problem", the form every message takes. */
  message(number: number, problem: string): string {
    const text = this.text(number).trim();
    const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
    return `line ${number} \`${shown}\`: ${problem}`;
  }

  /** Every line with its 1-based number. */
  entries(): [number, string][] {
    return this.lines.map((line, index) => [index + 1, line]);
  }
}
