import { isStringList } from '../lib/json';
import { isDeployment, type Deployment } from '../schemas/registries';

/**
 * The contract between the overview's elements: every event they send each
 * other, with its name, what its `detail` carries and one guard that checks a
 * detail before anyone trusts it. Elements dispatch and listen only through
 * {@link announce} and {@link listen}, so no event name is written anywhere
 * else and no detail is cast.
 *
 * Events are dispatched on `document`. Each one also describes a state (the tab
 * in view, the rules it shows), so the last detail of each is kept: a listener
 * that starts late, such as code loaded on demand, asks for it with
 * `replay: true` and learns the current state at once, whatever order the
 * modules arrived in.
 */

/** The tab in view changed; `<pf-tabs>` announces it, the first time as it starts. */
export interface TabChangeDetail {
  deployment: Deployment;
}

/**
 * Which rules the tab in view shows, in table order. `<pf-filter>`, the only
 * owner of this, announces it when it starts, after every filter change and
 * after every tab change. Until its first announcement nothing is filtered:
 * every rule of the tab is visible.
 */
export interface FilterChangeDetail {
  deployment: Deployment;
  ruleIds: string[];
  /** The devices the reader picked, in legend order; empty when the filter does not ask for devices. */
  deviceIds: string[];
}

/**
 * The reader's pascom.cloud instance, the one `host` value of the site. Whoever holds the
 * instance field (the snippet panel) announces it at start and after every change; until the
 * panel has started, the overview's target cells announce the address's `host`. The target
 * cells, the diagrams and the in-page check follow it. `host` is the full, validated
 * host name (`acme.pascom.cloud`), or undefined while none is given or the value is invalid.
 */
export interface InstanceChangeDetail {
  host: string | undefined;
}

/** The name of every event, as dispatched on `document`. */
export const EVENTS = {
  tabChange: 'pf-tab-change',
  filterChange: 'pf-filter-change',
  instanceChange: 'pf-instance-change',
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];

/** What each event carries. */
export interface EventDetails {
  'pf-tab-change': TabChangeDetail;
  'pf-filter-change': FilterChangeDetail;
  'pf-instance-change': InstanceChangeDetail;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isTabChangeDetail(value: unknown): value is TabChangeDetail {
  return isRecord(value) && isDeployment(value.deployment);
}

export function isFilterChangeDetail(value: unknown): value is FilterChangeDetail {
  return (
    isRecord(value) &&
    isDeployment(value.deployment) &&
    isStringList(value.ruleIds) &&
    isStringList(value.deviceIds)
  );
}

function isInstanceChangeDetail(value: unknown): value is InstanceChangeDetail {
  return isRecord(value) && (value.host === undefined || typeof value.host === 'string');
}

/** One guard per event: a detail from anywhere (another script, a test) is checked before use. */
const GUARDS: { [Name in EventName]: (value: unknown) => value is EventDetails[Name] } = {
  'pf-tab-change': isTabChangeDetail,
  'pf-filter-change': isFilterChangeDetail,
  'pf-instance-change': isInstanceChangeDetail,
};

/** The last detail announced of each event, for listeners that start late. */
const latestDetails: { [Name in EventName]?: EventDetails[Name] } = {};

/** The last detail announced for an event, or undefined when there has been none yet. */
export function latest<Name extends EventName>(name: Name): EventDetails[Name] | undefined {
  return latestDetails[name];
}

/** Dispatches an event on `document` and keeps its detail for late listeners. */
export function announce<Name extends EventName>(name: Name, detail: EventDetails[Name]): void {
  latestDetails[name] = detail;
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

export interface ListenOptions {
  /** Also hears the last detail announced before listening, at once (if there was one). */
  replay?: boolean;
  /** Stops listening when aborted, e.g. when the element leaves the page. */
  signal?: AbortSignal;
}

/**
 * Calls `handler` with the detail of every event of this name whose detail
 * passes the event's guard; others (malformed, from elsewhere) are ignored.
 */
export function listen<Name extends EventName>(
  name: Name,
  handler: (detail: EventDetails[Name]) => void,
  { replay = false, signal }: ListenOptions = {},
): void {
  const guard = GUARDS[name];
  document.addEventListener(
    name,
    (event) => {
      const detail: unknown = event instanceof CustomEvent ? event.detail : undefined;
      if (guard(detail)) handler(detail);
    },
    signal === undefined ? {} : { signal },
  );
  const last = latestDetails[name];
  if (replay && last !== undefined && !signal?.aborted) handler(last);
}
