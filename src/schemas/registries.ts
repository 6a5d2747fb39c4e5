/**
 * Fixed sets of values. Each list feeds both a zod enum (so content is checked
 * against it) and the labels the site shows, so the two can never drift apart.
 */

/** Transport protocols a rule can open. */
export const PROTOCOLS = ['tcp', 'udp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export const PROTOCOL_LABELS: Record<Protocol, string> = { tcp: 'TCP', udp: 'UDP' };

/** Which way the first packet of a connection travels, seen from the customer's network. */
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = {
  outbound: 'Outbound from your network',
  inbound: 'Inbound to your network',
};

/** The two ways pascom is run; each is one tab of the port overview. */
export const DEPLOYMENTS = ['cloud', 'onsite'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

/** Whether a value read from a URL, the page or JSON names one of the deployments. */
export function isDeployment(value: unknown): value is Deployment {
  return typeof value === 'string' && (DEPLOYMENTS as readonly string[]).includes(value);
}

/** Inline SVG icons the site can draw; devices pick one of these. */
export const ICONS = ['server', 'desktop', 'mobile', 'phone', 'web'] as const;
export type IconName = (typeof ICONS)[number];

/** Kinds of endpoint a rule can name as its source or target. */
export const ENDPOINT_KINDS = ['network', 'pascom-instance', 'host'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

/** Rule fields an editorial correction can refer to. */
export const CORRECTABLE_FIELDS = ['ports', 'protocols', 'title', 'destinations', 'devices'] as const;

/**
 * Firewall advice a rule needs beyond its ports: `sip-alg` for SIP signalling,
 * which a SIP ALG or helper can mangle; `idle-timeout` for long-lived TCP
 * connections, which a firewall drops when they idle longer than its timeout.
 * Snippets and rule pages show each platform's own advice for them.
 */
export const FIREWALL_NOTES = ['sip-alg', 'idle-timeout'] as const;
export type FirewallNote = (typeof FIREWALL_NOTES)[number];

/**
 * How a client can test that a rule's port gets through (content/rules.yaml `checks`), and
 * what each test needs: the protocol it speaks, whether the in-page check can run it from a
 * browser, and whether the check scripts can. A page can open HTTPS and, through WebRTC's ICE
 * gathering, ask a STUN server for its address; it cannot open a raw TCP or TLS connection, and
 * an HTTPS page may not load plain HTTP. The scripts use only tools a stock system has, which
 * open TCP, TLS and HTTP(S) connections but do not speak STUN.
 */
export const PROBE_KINDS = ['tcp', 'tls', 'https', 'http', 'stun'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
export const PROBES: Record<ProbeKind, { protocol: Protocol; browser: boolean; script: boolean }> = {
  tcp: { protocol: 'tcp', browser: false, script: true },
  tls: { protocol: 'tcp', browser: false, script: true },
  https: { protocol: 'tcp', browser: true, script: true },
  http: { protocol: 'tcp', browser: false, script: true },
  stun: { protocol: 'udp', browser: true, script: false },
};

/**
 * Why no client can test a rule (content/rules.yaml `untestable`): `media-range` for UDP
 * ports that only carry media during a call, where nothing answers a probe; `udp-service` for a
 * UDP service whose own client is the only thing that can tell whether answers come back.
 * Their texts are interface texts (`check.untestable.*`).
 */
export const UNTESTABLE_REASONS = ['media-range', 'udp-service'] as const;
export type UntestableReason = (typeof UNTESTABLE_REASONS)[number];

/**
 * The site's languages: English at the root, German under /de/ (src/lib/lang.ts).
 * Pages, feeds' texts and firewall snippets' comments are written in each.
 */
export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** Kinds of change a changelog entry can record for a rule. */
export const CHANGE_TYPES = ['added', 'changed', 'removed'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
