import {
  FIREWALL_NOTES,
  PROTOCOLS,
  type Deployment,
  type Direction,
  type EndpointKind,
  type FirewallNote,
  type ProbeKind,
  type Protocol,
  type UntestableReason,
} from '../../schemas/registries';
import type { PortRange } from '../ports';
import type { DeploymentView } from '../model';
import type { Network } from './ip';
import type { SnippetSettings } from './settings';
import { safeText, wrap } from './text';
import { SNIPPET_TEXTS, type SnippetTexts } from './texts';
import type { Lang } from '../../schemas/registries';

/** An endpoint as the snippets need it; plain data, so it can be embedded as JSON. */
export interface SnippetEndpoint {
  id: string;
  name: string;
  kind: EndpointKind;
  hosts: string[];
}

/** One row of a tab as the snippets need it. */
export interface SnippetRule {
  /** The rule's permanent id, named in every generated comment. */
  id: string;
  title: string;
  ports: PortRange[];
  protocols: Protocol[];
  direction: Direction;
  source: SnippetEndpoint;
  destinations: SnippetEndpoint[];
  /** Firewall advice the rule needs (SIP ALG, idle timeouts); missing means none. */
  notes?: FirewallNote[] | undefined;
  /** How a client can test the rule, for the check scripts (src/lib/checks); missing means none. */
  checks?: { port: number; kind: ProbeKind }[] | undefined;
  /** Why no client can test the rule, for a rule without checks. */
  untestable?: UntestableReason | undefined;
}

/** What a generator renders: the selected rows of one tab. */
export interface SnippetInput {
  deployment: { id: Deployment; name: string };
  rules: SnippetRule[];
  /**
   * Every endpoint with hostnames in the tab, selected or not, in order of first
   * use. Placeholder addresses are numbered by it, so they stay the same whichever
   * rows are selected.
   */
  endpoints: SnippetEndpoint[];
  /** The language of the snippet's comments and notes; missing means English. */
  lang?: Lang | undefined;
}

function toSnippetEndpoint({ id, name, kind, hosts }: SnippetEndpoint): SnippetEndpoint {
  return { id, name, kind, hosts: [...hosts] };
}

/**
 * The rows of a tab as snippet input, in table order. With `ruleIds`, only those
 * rules (the ones a filter leaves visible); unknown ids are ignored. `lang` is the
 * language of the comments; the view's texts (titles, names) should be in it too.
 */
export function toSnippetInput(
  view: DeploymentView,
  ruleIds?: readonly string[],
  lang: Lang = 'en',
): SnippetInput {
  const wanted = ruleIds === undefined ? undefined : new Set(ruleIds);
  const endpoints: SnippetEndpoint[] = [];
  for (const placement of view.placements) {
    for (const endpoint of [placement.source, ...placement.destinations]) {
      if (endpoint.kind !== 'network' && !endpoints.some((known) => known.id === endpoint.id)) {
        endpoints.push(toSnippetEndpoint(endpoint));
      }
    }
  }
  return {
    deployment: { id: view.id, name: view.name },
    // English input stays as it always was, so the data the browser fetches does not change.
    ...(lang === 'en' ? {} : { lang }),
    endpoints,
    rules: view.placements
      .filter((placement) => wanted === undefined || wanted.has(placement.rule.id))
      .map((placement) => ({
        id: placement.rule.id,
        title: placement.rule.title,
        ports: placement.rule.ports.map(({ from, to }) => ({ from, to })),
        protocols: [...placement.rule.protocols],
        direction: placement.direction,
        source: toSnippetEndpoint(placement.source),
        destinations: placement.destinations.map(toSnippetEndpoint),
        notes: [...placement.rule.firewallNotes],
        checks: placement.rule.checks.map(({ port, kind }) => ({ port, kind })),
        ...(placement.rule.untestable === undefined ? {} : { untestable: placement.rule.untestable }),
      })),
  };
}

/** Keeps only the rules with the given ids, e.g. those a filter leaves visible. */
export function selectRules(input: SnippetInput, ruleIds: readonly string[]): SnippetInput {
  const wanted = new Set(ruleIds);
  return { ...input, rules: input.rules.filter((rule) => wanted.has(rule.id)) };
}

/**
 * Hostnames a rule targets, with documentation addresses standing in for what
 * they resolve to on platforms that cannot match on names.
 */
export interface AddressSet {
  /** Name usable on every platform: lower-case letters, digits and underscores. */
  name: string;
  /** The endpoint's name as the tables show it. */
  label: string;
  /** Hostnames, for platforms with FQDN objects. */
  hosts: string[];
  /** True when `hosts` holds a stand-in for the customer's own instance name. */
  placeholderHost: boolean;
  /** A wildcard covering every pascom.cloud instance, for platforms with wildcard FQDN objects. */
  wildcard?: string | undefined;
  /** Placeholder addresses (RFC 5737 / RFC 3849) the admin replaces with the resolved ones. */
  v4: string[];
  v6: string[];
  /**
   * Names of the values the admin fills in with the addresses per family, on
   * platforms that cannot allow by name: "PASCOM_CLOUD_V4". Where the platform
   * offers variables (nft, shell) they are variables; elsewhere the name of an
   * object or host the platform refuses until it is given.
   */
  variables: { v4: string; v6: string };
}

/** One side of a planned rule. */
export type Peer =
  | { kind: 'any' }
  /** Your network; a family without a network means any address of that family. */
  | { kind: 'network'; v4?: string | undefined; v6?: string | undefined }
  /** The onsite pascom server; `placeholder` when the admin has not given its address. */
  | { kind: 'server'; v4?: string | undefined; v6?: string | undefined; placeholder: boolean }
  | { kind: 'set'; set: AddressSet };

/**
 * A set of ports and protocols, written once per snippet on platforms with
 * service objects, however many rules use it.
 */
export interface Service {
  /** "pascom-<first rule id>", safe as an object name on every platform. */
  name: string;
  /** The port rules that use it, in table order. */
  ids: string[];
  protocols: Protocol[];
  ports: PortRange[];
  /** "pascom <ids>: <titles>", safe for every output format. */
  comment: string;
}

/**
 * One rule to write: a single destination, ports and protocols, direction.
 * Port rules identical in all of these are written once, naming every id.
 */
export interface PlannedRule {
  /** Every port rule this rule serves, in table order. */
  ids: string[];
  /** The first of `ids`, for names of objects made for this rule. */
  id: string;
  /** The titles of `ids` joined with " + ", safe for every output format. */
  title: string;
  /** "pascom <ids joined by +>: <title>", safe for every output format. */
  comment: string;
  direction: Direction;
  /** In the registry's order (tcp before udp), whatever order the data lists them in. */
  protocols: Protocol[];
  ports: PortRange[];
  source: Peer;
  destination: Peer;
  service: Service;
  /** Firewall advice the rules in `ids` need. */
  notes: FirewallNote[];
  /** Why the rule is left out of a family, where it is (see SnippetPlan.skipped). */
  skipped: Partial<Record<4 | 6, string>>;
}

/** Addresses a rule matches in one family: undefined means any address. */
export interface FamilyAddresses {
  source: string[] | undefined;
  destination: string[] | undefined;
}

/** A rule that cannot be written for one address family, and why. */
interface SkippedRule {
  rule: PlannedRule;
  family: 4 | 6;
  /** A full sentence naming the rule, for a comment line. */
  reason: string;
}

/** Everything a generator writes, resolved against the settings. */
export interface SnippetPlan {
  deployment: { id: Deployment; name: string };
  /** The sentences of the snippet's language. */
  texts: SnippetTexts;
  rules: PlannedRule[];
  /** Each set of ports and protocols once, in order of first use. */
  services: Service[];
  /** Address sets the rules use, in order of first use. */
  sets: AddressSet[];
  /** Your network per family, as the admin gave it. */
  network: { v4?: Network | undefined; v6?: Network | undefined };
  /** The onsite server, when an inbound rule targets it. */
  server?: { v4?: string | undefined; v6?: string | undefined; placeholder: boolean } | undefined;
  /** Every rule left out of one family, with the reason. */
  skipped: SkippedRule[];
  /** Firewall advice any of the rules needs, in the registry's order. */
  notes: FirewallNote[];
  hasInbound: boolean;
  hasOutbound: boolean;
  /** Present when an inbound rule targets the server and its address was not given. */
  serverPlaceholder: boolean;
}

/** Stand-in hostname for the instance until the admin gives theirs. */
const PLACEHOLDER_INSTANCE = 'your-instance.pascom.cloud';
/** Stand-in addresses of the onsite server (RFC 5737 TEST-NET-2, RFC 3849). */
const PLACEHOLDER_SERVER = { v4: '198.51.100.10', v6: '2001:db8:1::10' } as const;
/** The names of the values that stand for the onsite server until its address is given. */
export const SERVER_VARIABLES = { v4: 'PASCOM_SERVER_V4', v6: 'PASCOM_SERVER_V6' } as const;
/** The name of the value that stands for the instance until its name is given. */
export const INSTANCE_VARIABLE = 'PASCOM_INSTANCE';

/** "pascom-cloud" becomes "pascom_cloud", "ntp-pool" becomes "pascom_ntp_pool". */
function setName(endpointId: string): string {
  const base = endpointId.replace(/[^a-z0-9]+/g, '_');
  return base.startsWith('pascom') ? base : `pascom_${base}`;
}

function addressSet(endpoint: SnippetEndpoint, index: number, settings: SnippetSettings): AddressSet {
  const host = 10 + 10 * index;
  const name = setName(endpoint.id);
  const common = {
    name,
    label: safeText(endpoint.name),
    v4: [`192.0.2.${host}`],
    v6: [`2001:db8::${host}`],
    variables: { v4: `${name.toUpperCase()}_V4`, v6: `${name.toUpperCase()}_V6` },
  };
  if (endpoint.kind === 'pascom-instance') {
    return {
      ...common,
      hosts: [settings.instanceHost ?? PLACEHOLDER_INSTANCE],
      placeholderHost: settings.instanceHost === undefined,
      wildcard: endpoint.hosts.find((name) => name.startsWith('*.')),
    };
  }
  return { ...common, hosts: [...endpoint.hosts], placeholderHost: false };
}

/**
 * Resolves the selected rules against the settings: your network, the server,
 * and one address set per named endpoint. A rule with several destinations
 * becomes one planned rule per destination.
 */
export function planSnippet(input: SnippetInput, settings: SnippetSettings): SnippetPlan {
  const texts = SNIPPET_TEXTS[input.lang ?? 'en'];
  const setByEndpoint = new Map<string, AddressSet>();
  input.endpoints.forEach((endpoint, index) =>
    setByEndpoint.set(endpoint.id, addressSet(endpoint, index, settings)),
  );
  const usedSets: AddressSet[] = [];
  let serverPlaceholder = false;

  const peer = (endpoint: SnippetEndpoint, role: 'source' | 'destination', direction: Direction): Peer => {
    if (endpoint.kind === 'network') {
      // Your network receiving an inbound connection means the pascom server in it.
      if (role === 'destination' && direction === 'inbound') {
        const placeholder = settings.server4 === undefined && settings.server6 === undefined;
        if (placeholder) serverPlaceholder = true;
        return placeholder
          ? { kind: 'server', ...PLACEHOLDER_SERVER, placeholder }
          : { kind: 'server', v4: settings.server4, v6: settings.server6, placeholder };
      }
      if (role === 'source' && direction === 'outbound') {
        return { kind: 'network', v4: settings.network4?.cidr, v6: settings.network6?.cidr };
      }
      return { kind: 'any' };
    }
    let set = setByEndpoint.get(endpoint.id);
    if (!set) {
      set = addressSet(endpoint, setByEndpoint.size, settings);
      setByEndpoint.set(endpoint.id, set);
    }
    if (!usedSets.includes(set)) usedSets.push(set);
    return { kind: 'set', set };
  };

  // One entry per rule and destination, then merged where everything but the id is the same.
  const rules: PlannedRule[] = [];
  const ruleByKey = new Map<string, PlannedRule>();
  const services: Service[] = [];
  const serviceByKey = new Map<string, Service>();
  for (const rule of input.rules) {
    const protocols = PROTOCOLS.filter((protocol) => rule.protocols.includes(protocol));
    const ports = rule.ports.map(({ from, to }) => ({ from, to }));
    const ofService = serviceKey({ protocols, ports });
    const notes = FIREWALL_NOTES.filter((note) => rule.notes?.includes(note));
    for (const destination of rule.destinations) {
      const source = peer(rule.source, 'source', rule.direction);
      const target = peer(destination, 'destination', rule.direction);
      const key = `${rule.direction} ${peerKey(source)} ${peerKey(target)} ${ofService}`;
      const same = ruleByKey.get(key);
      if (same) {
        same.notes = FIREWALL_NOTES.filter((note) => same.notes.includes(note) || notes.includes(note));
        if (!same.ids.includes(rule.id)) {
          same.ids.push(safeText(rule.id));
          same.title = safeText(`${same.title} + ${rule.title}`, 200);
          same.comment = ruleComment(same.ids, same.title);
        }
        continue;
      }
      let service = serviceByKey.get(ofService);
      if (!service) {
        service = { name: `pascom-${safeText(rule.id)}`, ids: [], protocols, ports, comment: '' };
        serviceByKey.set(ofService, service);
        services.push(service);
      }
      const title = safeText(rule.title);
      const planned: PlannedRule = {
        ids: [safeText(rule.id)],
        id: safeText(rule.id),
        title,
        comment: ruleComment([rule.id], title),
        direction: rule.direction,
        protocols,
        ports,
        source,
        destination: target,
        service,
        notes,
        skipped: {},
      };
      ruleByKey.set(key, planned);
      rules.push(planned);
    }
  }
  const usersOf = new Map<Service, PlannedRule[]>();
  for (const rule of rules) usersOf.set(rule.service, [...(usersOf.get(rule.service) ?? []), rule]);
  for (const [service, users] of usersOf) {
    service.ids = [...new Set(users.flatMap((rule) => rule.ids))];
    // One port rule written once per destination (the two mail servers) is one title, said once.
    service.comment = ruleComment(service.ids, [...new Set(users.map((rule) => rule.title))].join(' + '));
  }

  const skipped: SkippedRule[] = [];
  for (const rule of rules) {
    for (const family of [4, 6] as const) {
      if (familyAddresses(rule, family) === undefined) {
        const reason = texts.skippedReason(rule.comment, family, rule.direction);
        rule.skipped[family] = reason;
        skipped.push({ rule, family, reason });
      }
    }
  }
  const serverPeer = rules.map((rule) => rule.destination).find((target) => target.kind === 'server');

  return {
    deployment: { id: input.deployment.id, name: safeText(input.deployment.name) },
    texts,
    rules,
    services,
    sets: usedSets,
    network: { v4: settings.network4, v6: settings.network6 },
    server:
      serverPeer?.kind === 'server'
        ? { v4: serverPeer.v4, v6: serverPeer.v6, placeholder: serverPeer.placeholder }
        : undefined,
    skipped,
    notes: FIREWALL_NOTES.filter((note) => rules.some((rule) => rule.notes.includes(note))),
    hasInbound: rules.some((rule) => rule.direction === 'inbound'),
    hasOutbound: rules.some((rule) => rule.direction === 'outbound'),
    serverPlaceholder,
  };
}

function ruleComment(ids: readonly string[], title: string): string {
  return safeText(`pascom ${ids.join('+')}: ${title}`, 250);
}

function peerKey(peer: Peer): string {
  switch (peer.kind) {
    case 'any':
      return 'any';
    case 'network':
    case 'server':
      return `${peer.kind} ${peer.v4 ?? ''} ${peer.v6 ?? ''}`;
    case 'set':
      return `set ${peer.set.name}`;
  }
}

function serviceKey({ protocols, ports }: { protocols: Protocol[]; ports: PortRange[] }): string {
  return `${protocols.join(',')} ${ports.map(({ from, to }) => `${from}-${to}`).join(',')}`;
}

/**
 * The addresses a rule matches in one family, or undefined when the rule has
 * no address of that family (a network or server given for the other family
 * only) and must be left out of it.
 */
export function familyAddresses(rule: PlannedRule, family: 4 | 6): FamilyAddresses | undefined {
  const source = peerAddresses(rule.source, family);
  const destination = peerAddresses(rule.destination, family);
  if (source?.length === 0 || destination?.length === 0) return undefined;
  return { source, destination };
}

/** The reason a rule is left out of a family, if it is. */
export function skippedIn(rule: PlannedRule, family: 4 | 6): string | undefined {
  return rule.skipped[family];
}

/** A rule per protocol, for platforms where one rule matches one protocol. */
export function perProtocol(rule: PlannedRule): (PlannedRule & { protocol: Protocol })[] {
  return rule.protocols.map((protocol) => ({ ...rule, protocols: [protocol], protocol }));
}

/** A rule per port range, for platforms where one rule matches one range. */
export function perPortRange(rule: PlannedRule): (PlannedRule & { range: PortRange })[] {
  return rule.ports.map((range) => ({ ...rule, ports: [range], range }));
}

/**
 * Names of the address objects that stand for a peer on platforms that define
 * objects for your network and the server (Juniper SRX, PAN-OS); "any" where
 * no address is given.
 */
export function peerObjectNames(peer: Peer): string[] {
  switch (peer.kind) {
    case 'any':
      return ['any'];
    case 'network':
      return peer.v4 === undefined && peer.v6 === undefined
        ? ['any']
        : [peer.v4 ? 'pascom_your_network_v4' : '', peer.v6 ? 'pascom_your_network_v6' : ''].filter(Boolean);
    case 'server':
      return [peer.v4 ? 'pascom_server_v4' : '', peer.v6 ? 'pascom_server_v6' : ''].filter(Boolean);
    case 'set':
      return [peer.set.name];
  }
}

/** Addresses of a peer for one family; undefined means any, an empty list means none. */
export function peerAddresses(peer: Peer, family: 4 | 6): string[] | undefined {
  switch (peer.kind) {
    case 'any':
      return undefined;
    case 'network': {
      // No network given: any source. A network given for one family only: the other family is left out.
      if (peer.v4 === undefined && peer.v6 === undefined) return undefined;
      const network = family === 4 ? peer.v4 : peer.v6;
      return network === undefined ? [] : [network];
    }
    case 'server': {
      const address = family === 4 ? peer.v4 : peer.v6;
      return address === undefined ? [] : [address];
    }
    case 'set':
      return family === 4 ? peer.set.v4 : peer.set.v6;
  }
}

/** A value the rules need that has not been given; the panel names it beside Copy and Download. */
export type MissingValue =
  | { kind: 'instance' }
  | { kind: 'server' }
  /** The addresses behind these names, on a platform that cannot allow by name. */
  | { kind: 'addresses'; hosts: string[] };

/**
 * What the admin must still fill in before the platform loads the rules: the
 * instance name, the onsite server's address, and, where the platform cannot
 * allow by name (`fqdn` false), the addresses of every name the rules use.
 */
export function missingValues(plan: SnippetPlan, fqdn: boolean): MissingValue[] {
  const missing: MissingValue[] = [];
  if (plan.sets.some((set) => set.placeholderHost)) missing.push({ kind: 'instance' });
  if (plan.hasInbound && plan.serverPlaceholder) missing.push({ kind: 'server' });
  if (!fqdn && plan.sets.length > 0) {
    missing.push({
      kind: 'addresses',
      hosts: plan.sets.flatMap((set) => set.hosts),
    });
  }
  return missing;
}

/** How a platform writes a value not given (see `unfilled` in src/lib/firewall/platforms.ts). */
export type UnfilledStyle = 'nft' | 'shell' | 'restore';

/** One value the admin must give before the platform loads the rules. */
export interface UnfilledValue {
  /** Its name in the snippet: "PASCOM_SERVER_V4". */
  variable: string;
  family: 4 | 6;
  /** What it holds: the server's address, the instance's addresses, or those of named hosts. */
  what: 'server' | 'instance' | 'hosts';
  /** The names whose addresses it holds, for `hosts`. */
  hosts: string;
}

/**
 * Every value a platform that cannot allow by name needs and the settings did
 * not give, in the order the rules use them: the addresses behind each name,
 * and the server's address per family while it is not given.
 */
export function unfilledValues(plan: SnippetPlan): UnfilledValue[] {
  const values: UnfilledValue[] = [];
  for (const set of plan.sets) {
    for (const family of [4, 6] as const) {
      values.push({
        variable: set.variables[family === 4 ? 'v4' : 'v6'],
        family,
        what: set.placeholderHost ? 'instance' : 'hosts',
        hosts: set.hosts.join(', '),
      });
    }
  }
  if (plan.hasInbound && plan.serverPlaceholder) {
    for (const family of [4, 6] as const) {
      values.push({
        variable: SERVER_VARIABLES[family === 4 ? 'v4' : 'v6'],
        family,
        what: 'server',
        hosts: '',
      });
    }
  }
  return values;
}

/** The header lines that say how to give the values the rules need, one line per value. */
export function unfilledNotes(plan: SnippetPlan, style: UnfilledStyle, how: string[]): string[] {
  const values = unfilledValues(plan);
  if (values.length === 0) return how;
  const { texts } = plan;
  return [
    ...how,
    ...wrap(texts.fillValues(style)),
    ...values.map((value) => `  ${value.variable}: ${texts.fillValue(value)}`),
    ...(plan.sets.length > 0 ? [texts.addressesChange] : []),
  ];
}

/**
 * For shell scripts: one line per value not given that stops the script before
 * it changes anything, naming the value and what it holds
 * (`: "${PASCOM_SERVER_V4:?set PASCOM_SERVER_V4 to …}"`).
 */
export function shellRequiredValues(plan: SnippetPlan): string[] {
  return unfilledValues(plan).map((value) => {
    // The message is a word inside "${…:?…}": no quote, dollar, backquote, backslash or closing brace.
    const message = plan.texts
      .fillRequired(value.variable, plan.texts.fillValue(value))
      .replace(/["$`\\}]/g, '');
    // A name's addresses may be set empty for a family not in use; the server's address may not.
    return `: "\${${value.variable}${value.what === 'server' ? ':' : ''}?${message}}"`;
  });
}

/** The reference a platform's rules make to a value not given (see UnfilledStyle). */
export function unfilledReference(style: UnfilledStyle, variable: string): string {
  switch (style) {
    case 'nft':
      return `$${variable}`;
    case 'shell':
      return `$${variable}`;
    case 'restore':
      return `${variable}.invalid.`;
  }
}

/** Why rules with hostnames carry addresses on platforms that cannot match names. */
export function placeholderNotes(plan: SnippetPlan, how: string[]): string[] {
  const lines: string[] = [];
  const { texts } = plan;
  if (plan.sets.length > 0) {
    lines.push(...how, texts.replacePlaceholders);
    for (const set of plan.sets) {
      lines.push(
        texts.placeholderSet({
          name: set.name,
          hosts: set.hosts.join(' '),
          placeholderHost: set.placeholderHost,
          addresses: [...set.v4, ...set.v6].join(' '),
        }),
      );
    }
    lines.push(texts.addressesChange);
  }
  return lines;
}

/**
 * How many rules a snippet holds, in the tables' terms: a port rule with several
 * destinations (two mail servers, say) is written once per destination, and port
 * rules identical in ports, protocols and destination are written once; the count
 * says so, so it matches the "all 12 rules" of the page.
 */
export function ruleCount(rules: readonly Pick<PlannedRule, 'ids'>[], texts = SNIPPET_TEXTS.en): string {
  const ids = rules.flatMap((rule) => rule.ids);
  const portRules = new Set(ids).size;
  return texts.ruleCount({
    portRules,
    rules: rules.length,
    split: ids.length > portRules,
    merged: rules.some((rule) => rule.ids.length > 1),
  });
}

/** Shared header sentences: what the snippet is and what the admin must still do. */
export function headerLines(plan: SnippetPlan, platformLabel: string, unfilled?: UnfilledStyle): string[] {
  const { texts } = plan;
  const lines = [
    texts.title(platformLabel, plan.deployment.name, ruleCount(plan.rules, texts)),
    texts.generated,
    texts.onlyAllow,
  ];
  // Where values not given are written as variables, the list of them says what to fill in instead.
  if (unfilled === undefined && plan.sets.some((set) => set.placeholderHost)) {
    lines.push(texts.replaceInstance(PLACEHOLDER_INSTANCE));
  }
  const { v4, v6 } = plan.network;
  if (plan.hasOutbound && v4 === undefined && v6 === undefined) {
    lines.push(texts.outboundAnySource);
  } else if (plan.hasOutbound && (v4 === undefined || v6 === undefined)) {
    lines.push(texts.outboundFamilyLeftOut(v4 === undefined ? 4 : 6));
  }
  if (unfilled === undefined && plan.hasInbound && plan.serverPlaceholder) {
    lines.push(texts.replaceServer(PLACEHOLDER_SERVER.v4, PLACEHOLDER_SERVER.v6));
  }
  return lines;
}

/** Zone or interface a rule comes from and goes to. */
export function ruleZones(
  rule: PlannedRule,
  names: { inside: string; outside: string },
): { from: string; to: string } {
  return rule.direction === 'outbound'
    ? { from: names.inside, to: names.outside }
    : { from: names.outside, to: names.inside };
}

/** Dotted netmask of an IPv4 prefix length, e.g. 16 -> 255.255.0.0. */
export function ipv4Netmask(prefix: number): string {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 255).join('.');
}

/** Cisco wildcard mask of an IPv4 prefix length, e.g. 16 -> 0.0.255.255. */
export function ipv4Wildcard(prefix: number): string {
  return ipv4Netmask(prefix)
    .split('.')
    .map((byte) => 255 - Number(byte))
    .join('.');
}

/** A rule narrowed to one address family, or to both (46) where neither side names an address. */
export interface FamilyVariant {
  family: 4 | 6 | 46;
  source: Peer;
  destination: Peer;
}

function narrow(peer: Peer, family: 4 | 6): Peer {
  if (peer.kind !== 'network' && peer.kind !== 'server') return peer;
  return family === 4 ? { ...peer, v6: undefined } : { ...peer, v4: undefined };
}

function namesAddress(peer: Peer): boolean {
  return (
    (peer.kind === 'network' || peer.kind === 'server') && (peer.v4 !== undefined || peer.v6 !== undefined)
  );
}

/**
 * For platforms whose rules carry one address per side and an address family
 * that may be "both" (pfSense, OPNsense): the rule once for both families where
 * neither side names an address of yours, else once per family that has one.
 */
export function familyVariants(rule: PlannedRule): FamilyVariant[] {
  if (!namesAddress(rule.source) && !namesAddress(rule.destination)) {
    return [{ family: 46, source: rule.source, destination: rule.destination }];
  }
  return ([4, 6] as const)
    .filter((family) => familyAddresses(rule, family) !== undefined)
    .map((family) => ({
      family,
      source: narrow(rule.source, family),
      destination: narrow(rule.destination, family),
    }));
}
