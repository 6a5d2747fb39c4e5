/**
 * The in-page connectivity check: which rows of a tab the reader's browser can test, and how.
 * A browser can open HTTPS connections and, through WebRTC's ICE gathering, ask a STUN server
 * for its address (src/schemas/registries.ts, `PROBES`). It tests only rules whose connections
 * start at the reader's devices: outbound rules of a device other than the pascom server. The
 * server's own rules are tested from the server, and inbound rules from outside the network,
 * with the check scripts. Pure data, built at build time and handed to the browser.
 */
import { PROBES, type Deployment } from '../../schemas/registries';
import type { DeploymentView, Placement } from '../model';

/** The device whose rules are the server's own, tested on the server with the scripts. */
const SERVER_DEVICE = 'server';

/** One test the browser runs: a rule's port on one host. */
export interface InPageProbe {
  ruleId: string;
  /** The row's anchor on the overview, where the result is shown. */
  anchor: string;
  kind: 'https' | 'stun';
  port: number;
  /** A host name, or a pattern "*.domain" that the reader's instance name fills in. */
  host: string;
}

/** Why a row gets no browser result: a browser cannot test it, or nothing can. */
type NotInPage = 'script' | 'untestable';

export interface InPagePlan {
  deployment: Deployment;
  probes: InPageProbe[];
  /** Rows of the tab without a browser test, in table order. */
  others: { ruleId: string; anchor: string; why: NotInPage }[];
}

/** Whether the reader's browser stands where the row's connections start. */
function startsAtReadersDevice(placement: Placement): boolean {
  return (
    placement.direction === 'outbound' && placement.rule.devices.some((device) => device.id !== SERVER_DEVICE)
  );
}

/** Which rows of a tab the browser tests, and which it leaves to the scripts. */
export function inPagePlan(view: DeploymentView): InPagePlan {
  const probes: InPageProbe[] = [];
  const others: InPagePlan['others'] = [];
  for (const placement of view.placements) {
    const { rule, anchor } = placement;
    const found: InPageProbe[] = [];
    if (startsAtReadersDevice(placement)) {
      for (const check of rule.checks) {
        const kind = check.kind;
        if (!PROBES[kind].browser || (kind !== 'https' && kind !== 'stun')) continue;
        for (const endpoint of placement.destinations) {
          for (const host of endpoint.hosts)
            found.push({ ruleId: rule.id, anchor, kind, port: check.port, host });
        }
      }
    }
    if (found.length > 0) probes.push(...found);
    else
      others.push({ ruleId: rule.id, anchor, why: rule.untestable === undefined ? 'script' : 'untestable' });
  }
  return { deployment: view.id, probes, others };
}

/** Whether a host of the plan needs the reader's instance name. */
export function isHostPattern(host: string): boolean {
  return host.startsWith('*.');
}

/** The host a probe contacts: the pattern filled with the instance host, which must lie under it. */
export function probeHost(host: string, instanceHost: string | undefined): string | undefined {
  if (!isHostPattern(host)) return host;
  if (!instanceHost?.endsWith(host.slice(1))) return undefined;
  return instanceHost;
}

/** The origin of an HTTPS probe: "https://host", with the port unless it is 443. */
export function httpsOrigin(host: string, port: number): string {
  return `https://${host}${port === 443 ? '' : `:${port}`}`;
}

/**
 * The origins a tab's check fetches, for the Content-Security-Policy's connect-src: every HTTPS
 * probe's host on its port (a pattern stays a pattern, which CSP understands). STUN is not a
 * fetch and needs no entry.
 */
export function planConnectSources(plan: InPagePlan): string[] {
  return [
    ...new Set(
      plan.probes
        .filter((probe) => probe.kind === 'https')
        .map((probe) => httpsOrigin(probe.host, probe.port)),
    ),
  ];
}

/** The origins the in-page checks of all tabs fetch, sorted. */
export function inPageConnectSources(views: readonly DeploymentView[]): string[] {
  return [...new Set(views.flatMap((view) => planConnectSources(inPagePlan(view))))].sort();
}

/** A row without a browser test, as the check marks it: a link to the scripts, or why nothing can test it. */
type OtherRow = { anchor: string; script: true } | { anchor: string; script: false; text: string };

/** What the check's element hands its code: the plan in the browser's terms, and its texts. */
export interface InPageData {
  probes: InPageProbe[];
  others: OtherRow[];
  /** The fragment of the check scripts' links on this page. */
  scriptsAnchor: string;
}

function isProbe(value: unknown): value is InPageProbe {
  if (typeof value !== 'object' || value === null) return false;
  const probe = value as Record<string, unknown>;
  return (
    typeof probe.ruleId === 'string' &&
    typeof probe.anchor === 'string' &&
    (probe.kind === 'https' || probe.kind === 'stun') &&
    typeof probe.port === 'number' &&
    Number.isInteger(probe.port) &&
    probe.port > 0 &&
    probe.port < 65536 &&
    typeof probe.host === 'string' &&
    /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(probe.host)
  );
}

function isOtherRow(value: unknown): value is OtherRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.anchor === 'string' &&
    (row.script === true || (row.script === false && typeof row.text === 'string'))
  );
}

/** The check's data read back in the browser, or undefined when its shape is wrong. */
export function parseInPageData(value: unknown): InPageData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  if (!Array.isArray(data.probes) || !data.probes.every(isProbe)) return undefined;
  if (!Array.isArray(data.others) || !data.others.every(isOtherRow)) return undefined;
  if (typeof data.scriptsAnchor !== 'string') return undefined;
  return { probes: data.probes, others: data.others, scriptsAnchor: data.scriptsAnchor };
}

/**
 * The id of the snippet panel's heading (src/components/Snippets.astro), where the site's one
 * instance field is: the check links there while it has no instance to test.
 */
export const SNIPPETS_HEADING_ID = 'firewall-rules';

/** How a failed probe reads: no answer before the time ran out, or a failure well before it. */
export function failureKind(elapsedMs: number, timeoutMs: number): 'no-answer' | 'failed' {
  // A timer fires a little late, never early; a tenth of the time is a generous margin either way.
  return elapsedMs >= timeoutMs * 0.9 ? 'no-answer' : 'failed';
}
