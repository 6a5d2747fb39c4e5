/**
 * Seeded generation of hostile URL queries for the filter and the snippet panel.
 * The same seed gives the same queries on every run and machine, so a failure
 * can be replayed; no dependency, only a small PRNG (mulberry32).
 */

/** A pseudo-random number generator giving floats in [0, 1). */
type Random = () => number;

/** mulberry32: a 32-bit seeded PRNG, plenty for test data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Values each parameter accepts, so a share of the queries is valid or nearly so. */
const VALID: Record<string, readonly string[]> = {
  device: ['server', 'desktop', 'mobile', 'phone', 'web', 'phone,web', 'PHONE', ' web '],
  protocol: ['tcp', 'udp', 'TCP'],
  direction: ['outbound', 'inbound'],
  q: ['31000', 'sip', '5061/tcp', 'ldaps phonebook', '30000-35000'],
  fw: ['nftables', 'pf', 'fortigate', 'windows', 'sophos', 'iptables', 'routeros'],
  net: ['10.1.0.0/16', '2001:db8:100::/48', '10.1.0.0/16, 2001:db8::/32', '192.0.2.1', '::/0'],
  host: ['acme', 'acme.pascom.cloud', 'ACME.pascom.cloud.'],
  server: ['10.1.0.5', '2001:db8::5', '10.1.0.5 2001:db8::5', '::ffff:192.0.2.1'],
  in: ['lan0', 'eth0', 'port1', 'ge-0/0/1.0', 'inside'],
  out: ['wan0', 'ether1', 'outside', 'ppp0'],
};

/** Pieces an attacker or a mangled link adds: shell, markup, config syntax, controls, encodings. */
const HOSTILE = [
  '"',
  "'",
  ';',
  '; reboot',
  '$(reboot)',
  '`id`',
  '\n',
  '\r\n',
  '\n0-65535/tcp evil.example',
  '\n-A INPUT -j DROP',
  '\t',
  '\u0000',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u2028',
  '\uFEFF',
  '</descr><!--',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '%',
  '%%',
  '%E0%A4%A',
  '&',
  '=',
  '#',
  '+',
  ',',
  '/',
  '/33',
  '::',
  '1.2.3.4::',
  ':::',
  '0x7f.1',
  '010.1.0.0',
  '..',
  '-',
  ' ',
  'é',
  '𝐀',
  '\uFFFD',
  '🙂',
];

/** The parameters the page reads, and one it does not. */
const FUZZ_PARAMS = [
  'device',
  'protocol',
  'direction',
  'q',
  'fw',
  'net',
  'host',
  'server',
  'in',
  'out',
  'utm_source',
] as const;

/** One value: a valid one, a valid one with hostile pieces, hostile pieces, or random characters. */
function fuzzValue(random: Random, param: string): string {
  const valid = VALID[param] ?? ['x'];
  const roll = random();
  if (roll < 0.3) return pick(random, valid);
  if (roll < 0.7) {
    const pieces = [pick(random, valid)];
    const count = 1 + Math.floor(random() * 3);
    for (let index = 0; index < count; index++) {
      pieces.splice(Math.floor(random() * (pieces.length + 1)), 0, pick(random, HOSTILE));
    }
    return pieces.join('');
  }
  if (roll < 0.9) {
    return Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, HOSTILE)).join('');
  }
  if (roll < 0.95) return pick(random, valid).repeat(50 + Math.floor(random() * 200));
  return Array.from({ length: Math.floor(random() * 40) }, () =>
    String.fromCodePoint(Math.floor(random() * 0x3000)),
  ).join('');
}

/**
 * One URL query ("?…"): one to six parameters, some repeated, values encoded the
 * way browsers do, or now and then pasted raw, which leaves broken escapes and
 * stray "&" and "=" for the page to cope with.
 */
function fuzzQuery(random: Random): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let index = 0; index < count; index++) {
    const param = pick(random, FUZZ_PARAMS);
    const value = fuzzValue(random, param);
    parts.push(random() < 0.8 ? `${param}=${encodeURIComponent(value)}` : `${param}=${value}`);
  }
  return `?${parts.join('&')}`;
}

/** `count` queries from `seed`, the same on every run. */
export function fuzzQueries(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => fuzzQuery(random));
}
