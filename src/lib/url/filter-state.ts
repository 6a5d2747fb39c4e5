import { DIRECTIONS, PROTOCOLS, type Direction, type Protocol } from '../../schemas/registries';
import type { PortRange } from '../ports';
import { FILTER_PARAMS, MAX_QUERY_LENGTH } from './params';
import type { IgnoredValue } from './notices';

/** What the reader asked the port tables to show. */
export interface FilterState {
  /** Device ids in legend order; a rule matches when it serves any of them. Empty: every device. */
  devices: string[];
  /** Only rules open for this protocol; undefined: any protocol. */
  protocol: Protocol | undefined;
  /** Only rules whose connections go this way; undefined: both ways. */
  direction: Direction | undefined;
  /** Free text: port numbers and words of the function, already trimmed. */
  query: string;
}

/** The state in which every rule is shown. */
export function emptyFilter(): FilterState {
  return { devices: [], protocol: undefined, direction: undefined, query: '' };
}

/** A rule as the filter sees it: only the facts it matches against. */
export interface FilterableRule {
  id: string;
  devices: readonly string[];
  protocols: readonly string[];
  direction: string;
  ports: readonly PortRange[];
  /** Lower-case text the free-text search looks in: title, device names, purpose and protocols. */
  text: string;
}

function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

function isDirection(value: string): value is Direction {
  return (DIRECTIONS as readonly string[]).includes(value);
}

/**
 * Tidies free text from a URL or the search box: control characters go, runs of
 * white space become one space, and the length is capped.
 */
export function normaliseQuery(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** The first value of a single-valued parameter that passes `accept`, lower-cased. */
function firstValid<T extends string>(
  params: URLSearchParams,
  name: string,
  accept: (value: string) => value is T,
): T | undefined {
  for (const raw of params.getAll(name)) {
    const value = raw.trim().toLowerCase();
    if (accept(value)) return value;
  }
  return undefined;
}

/**
 * Reads the filter from a URL query string. Links end up in support articles,
 * chat messages and tickets, so nothing here throws: unknown devices, values
 * outside the registries and garbled encodings are dropped; of a single-valued
 * parameter given twice the first valid value counts. Devices may be repeated
 * (`device=phone&device=web`) or comma-separated (`device=phone,web`).
 */
export function parseFilterState(search: string, knownDevices: readonly string[]): FilterState {
  // URLSearchParams never throws: broken percent-escapes decode to U+FFFD.
  const params = new URLSearchParams(search);
  const asked = new Set(
    params
      .getAll(FILTER_PARAMS.device)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim().toLowerCase()),
  );
  return {
    // Legend order, whatever order the URL used, so equal filters give equal URLs.
    devices: knownDevices.filter((id) => asked.has(id)),
    protocol: firstValid(params, FILTER_PARAMS.protocol, isProtocol),
    direction: firstValid(params, FILTER_PARAMS.direction, isDirection),
    query: normaliseQuery(params.get(FILTER_PARAMS.query) ?? ''),
  };
}

/**
 * The values of a URL query that parseFilterState drops, in the order the URL
 * gives them: unknown devices, and protocols or directions that are not in the
 * registries or come after the one that counts. Empty values say nothing and
 * are left out; the free text is never dropped, only tidied.
 */
export function ignoredFilterValues(search: string, knownDevices: readonly string[]): IgnoredValue[] {
  const params = new URLSearchParams(search);
  const state = parseFilterState(search, knownDevices);
  const ignored: IgnoredValue[] = [];
  // What each parameter may hold; the free text and other features' parameters are not checked.
  const accepts: Record<string, (value: string) => boolean> = {
    [FILTER_PARAMS.device]: (value) => knownDevices.includes(value),
    [FILTER_PARAMS.protocol]: (value) => value === state.protocol,
    [FILTER_PARAMS.direction]: (value) => value === state.direction,
  };
  for (const [name, value] of params) {
    const accept = Object.hasOwn(accepts, name) ? accepts[name] : undefined;
    if (!accept) continue;
    for (const piece of name === FILTER_PARAMS.device ? value.split(',') : [value]) {
      const used = piece.trim().toLowerCase();
      if (used !== '' && !accept(used)) ignored.push({ name, value: piece.trim() });
    }
  }
  return ignored;
}

/**
 * Writes the filter into a query string, keeping every parameter another
 * feature owns in its place. Returns "" when nothing is left, so a cleared
 * filter leaves a clean address. Devices are written as repeated parameters.
 */
export function serialiseFilterState(state: FilterState, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  for (const name of Object.values(FILTER_PARAMS)) params.delete(name);
  for (const device of state.devices) params.append(FILTER_PARAMS.device, device);
  if (state.protocol) params.set(FILTER_PARAMS.protocol, state.protocol);
  if (state.direction) params.set(FILTER_PARAMS.direction, state.direction);
  const query = normaliseQuery(state.query);
  if (query) params.set(FILTER_PARAMS.query, query);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** True when the filter hides anything at all. */
export function isFilterActive(state: FilterState): boolean {
  return (
    state.devices.length > 0 ||
    state.protocol !== undefined ||
    state.direction !== undefined ||
    normaliseQuery(state.query) !== ''
  );
}

/** The state with one device switched on or off, keeping legend order. */
export function toggleDevice(
  state: FilterState,
  device: string,
  knownDevices: readonly string[],
): FilterState {
  const selected = new Set(state.devices);
  if (selected.has(device)) selected.delete(device);
  else selected.add(device);
  return { ...state, devices: knownDevices.filter((id) => selected.has(id)) };
}

/** Tests one rule; built once per filter change so the work per row stays small. */
export type RuleMatcher = (rule: FilterableRule) => boolean;

/** How one word of the free text decides whether a rule matches. */
type TermTest = (rule: FilterableRule) => boolean;

function termTest(term: string): TermTest {
  const single = /^\d{1,5}$/.exec(term);
  if (single) {
    // A number matches a port inside a range (31000 finds 30000-35000) and, so that
    // results appear while typing, any port that begins with those digits.
    const port = Number(term);
    return (rule) =>
      rule.ports.some(
        ({ from, to }) =>
          (from <= port && port <= to) || String(from).startsWith(term) || String(to).startsWith(term),
      );
  }
  const range = /^(\d{1,5})-(\d{1,5})$/.exec(term);
  if (range) {
    const low = Math.min(Number(range[1]), Number(range[2]));
    const high = Math.max(Number(range[1]), Number(range[2]));
    return (rule) => rule.ports.some(({ from, to }) => from <= high && low <= to);
  }
  return (rule) => rule.text.includes(term);
}

/** Words of the free text, lower-cased; "5061/tcp" counts as "5061" and "tcp". */
export function queryTerms(query: string): string[] {
  return normaliseQuery(query)
    .toLowerCase()
    .split(/[\s,/]+/)
    .filter((term) => term !== '');
}

/**
 * Compiles a filter into a rule test. A rule matches when it serves any selected
 * device, is open for the selected protocol, goes the selected way, and matches
 * every word of the free text.
 */
export function compileFilter(state: FilterState): RuleMatcher {
  const devices = state.devices;
  const { protocol, direction } = state;
  const terms = queryTerms(state.query).map(termTest);
  return (rule) =>
    (devices.length === 0 || devices.some((device) => rule.devices.includes(device))) &&
    (protocol === undefined || rule.protocols.includes(protocol)) &&
    (direction === undefined || rule.direction === direction) &&
    terms.every((test) => test(rule));
}

/** Whether one rule passes the filter; for many rules, compile once with {@link compileFilter}. */
export function matchesFilter(rule: FilterableRule, state: FilterState): boolean {
  return compileFilter(state)(rule);
}
