/**
 * IP address and network parsing for the snippet settings. Written without
 * Node's `net` module because it also runs in the browser.
 */
import type { ValidationError } from '../texts';
import { showInvisible } from '../visible-text';

/** An IP family as firewalls name it. */
export type IpFamily = 4 | 6;

/** A network in canonical form, e.g. "10.1.0.0/16" or "2001:db8::/48". */
export interface Network {
  family: IpFamily;
  /** Canonical text, prefix included. */
  cidr: string;
  /** Canonical address part. */
  address: string;
  prefix: number;
}

/** The four bytes of a dotted IPv4 address, or undefined if it is not one. */
function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    // Leading zeros are refused because some tools read them as octal.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

/**
 * The eight 16-bit groups of an IPv6 address (RFC 4291 section 2.2), or undefined
 * if it is not exactly one. An embedded IPv4 address is only allowed as the last
 * 32 bits ("::ffff:192.0.2.1"), so "1.2.3.4::" is refused rather than read as
 * 102:304::, and "::" may appear once.
 */
function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let hex = text;
  if (text.includes('.')) {
    const lastColon = text.lastIndexOf(':');
    const v4 = lastColon < 0 ? undefined : parseIpv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    const high = ((v4[0]! << 8) | v4[1]!).toString(16);
    const low = ((v4[2]! << 8) | v4[3]!).toString(16);
    hex = `${text.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return undefined;
  const parseHalf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const groups: number[] = [];
    for (const piece of half.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
      groups.push(parseInt(piece, 16));
    }
    return groups;
  };
  const head = parseHalf(halves[0]!);
  const tail = halves.length === 2 ? parseHalf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Canonical IPv6 text (RFC 5952): lower case, longest zero run compressed. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestLength < 2) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/** The family and canonical text of a single IP address, or undefined. */
export function parseIpAddress(text: string): { family: IpFamily; address: string } | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, address: v4.join('.') };
  const v6 = parseIpv6(text);
  if (v6) return { family: 6, address: formatIpv6(v6) };
  return undefined;
}

/**
 * A network, or why it was refused: a text key with its values, which the page
 * writes in its language. Quoted values have their invisible characters written out.
 */
export type NetworkResult = { ok: true; network: Network } | { ok: false; error: ValidationError };

/**
 * Parses "10.1.0.0/16", "2001:db8:1::/48" or a single address (taken as a
 * host network). Host bits set below the prefix are refused with the network
 * the admin probably meant, because nftables refuses them too.
 */
export function parseNetwork(text: string): NetworkResult {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) {
    return { ok: false, error: { key: 'ip.error.twoSlashes', values: { value: showInvisible(text) } } };
  }
  const v4 = parseIpv4(addressText);
  const v6 = v4 ? undefined : parseIpv6(addressText);
  if (!v4 && !v6) {
    return {
      ok: false,
      error: { key: 'ip.error.notAddress', values: { value: showInvisible(addressText) } },
    };
  }
  const bits = v4 ? 32 : 128;
  if (prefixText !== undefined && !/^(0|[1-9]\d{0,2})$/.test(prefixText)) {
    return {
      ok: false,
      error: { key: 'ip.error.notPrefix', values: { value: showInvisible(`/${prefixText}`) } },
    };
  }
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) {
    return { ok: false, error: { key: 'ip.error.prefixTooLong', values: { family: v4 ? 4 : 6, bits } } };
  }
  const groupBits = v4 ? 8 : 16;
  const groups = (v4 ?? v6)!;
  const masked = groups.map((group, index) => {
    const keep = Math.max(0, Math.min(groupBits, prefix - index * groupBits));
    const mask = keep === 0 ? 0 : (0xffff << (groupBits - keep)) & ((1 << groupBits) - 1);
    return group & mask;
  });
  const format = (values: readonly number[]) => (v4 ? values.join('.') : formatIpv6(values));
  if (masked.some((group, index) => group !== groups[index])) {
    return {
      ok: false,
      error: {
        key: 'ip.error.hostBits',
        values: { network: `${format(groups)}/${prefix}`, masked: `${format(masked)}/${prefix}` },
      },
    };
  }
  const address = format(masked);
  return { ok: true, network: { family: v4 ? 4 : 6, cidr: `${address}/${prefix}`, address, prefix } };
}
