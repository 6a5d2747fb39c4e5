import type { Device } from '../../schemas/device';
import type { Endpoint } from '../../schemas/endpoint';
import type { PortRange } from '../ports';
import { PROTOCOL_LABELS, type Direction, type IconName, type Protocol } from '../../schemas/registries';
import { formatPortList } from '../ports';
import { formatText, UI_TEXTS_EN, type UiTexts } from '../texts';

/**
 * What a network diagram shows, worked out from the same rows the port tables
 * show: the network behind the firewall with its devices, the places on the
 * internet, and one connection per rule, so a diagram counts what its table
 * counts. A rule that reaches several hosts (the mail relay's two servers) has
 * one arrow, to one box naming them all. Nothing here knows about positions;
 * layout.ts places it and svg.ts writes it.
 */

/** What the diagram needs of one table row; a `Placement` of port-data.ts is one. */
export interface DiagramRow {
  rule: {
    id: string;
    title: string;
    ports: readonly PortRange[];
    protocols: readonly Protocol[];
    devices: readonly Device[];
  };
  source: Endpoint;
  destinations: readonly Endpoint[];
  direction: Direction;
}

/** A device kind drawn inside a site, with the rules it takes part in there. */
export interface DiagramDevice {
  id: string;
  name: string;
  icon: IconName;
  ruleIds: string[];
}

/** A box of the diagram: the network behind the firewall, or one or more places on the internet. */
export interface DiagramSite {
  /** Unique within the diagram. */
  key: string;
  /** The endpoints the box stands for: one, or the several hosts one rule reaches. */
  endpointIds: string[];
  side: 'inside' | 'outside';
  /** The endpoints' names, one line each, never broken inside a name that fits the box. */
  names: string[];
  /** DNS names shown under the names, where they differ from them. */
  hosts: string[];
  /**
   * The one of `hosts` that stands for the reader's own instance, e.g. "<your-instance>.pascom.cloud":
   * the page writes the reader's instance there once it is known.
   */
  instance?: string | undefined;
  /** Devices that open connections from this site, in the order of the legend. */
  devices: DiagramDevice[];
  ruleIds: string[];
}

/** One arrow: one rule between the network and the place or places it reaches. */
export interface DiagramConnection {
  /** Unique within the diagram: rule id and the boxes at both ends. */
  key: string;
  ruleId: string;
  title: string;
  /** Ports and protocols as drawn, e.g. "5061/TCP", "80,443/TCP", "19302/UDP+TCP". */
  label: string;
  direction: Direction;
  insideKey: string;
  outsideKey: string;
  deviceIds: string[];
}

export interface DiagramModel {
  /** Sites behind the firewall, drawn on the left, in order of first use. */
  inside: DiagramSite[];
  /** Sites on the internet, drawn on the right: grouped by the inside site they talk to, then in order of first use. */
  outside: DiagramSite[];
  /** Grouped like `outside`, each group in table order. */
  connections: DiagramConnection[];
  /** How many rules the connections stand for. */
  ruleCount: number;
}

/** How a box is named in sentences: "cloudmx1.pascom.net and cloudmx2.pascom.net". */
export function siteName(site: DiagramSite, and: string = UI_TEXTS_EN['notice.and']): string {
  return site.names.length <= 1
    ? (site.names[0] ?? '')
    : `${site.names.slice(0, -1).join(', ')} ${and} ${site.names.at(-1)!}`;
}

/** What the build tells the model besides the rows. */
export interface DiagramModelOptions {
  /**
   * How the reader's own instance is written where the data holds a wildcard such as
   * "*.pascom.cloud", e.g. "<your-instance>.{domain}": the tables name the same target.
   */
  instanceHost?: string | undefined;
}

/** The hosts a box shows for an endpoint: the reader's instance instead of a wildcard. */
function shownHosts(endpoint: Endpoint, instanceHost: string): string[] {
  if (endpoint.kind !== 'pascom-instance') return [...endpoint.hosts];
  return endpoint.hosts.map((host) =>
    host.startsWith('*.') ? formatText(instanceHost, { domain: host.slice(2) }) : host,
  );
}

/** The label of a connection: ports, then protocols, e.g. "30000-35000/UDP". */
function connectionLabel(ports: readonly PortRange[], protocols: readonly Protocol[]): string {
  return `${formatPortList(ports).replaceAll(', ', ',')}/${protocols.map((protocol) => PROTOCOL_LABELS[protocol]).join('+')}`;
}

/**
 * Builds the diagram of a set of rows, e.g. one tab of the overview or one
 * rule's row. `legend` gives the order devices are listed in (the legend's).
 */
export function diagramModel(
  rows: readonly DiagramRow[],
  legend: readonly Device[],
  options: DiagramModelOptions = {},
): DiagramModel {
  if (rows.length === 0) throw new Error('A network diagram needs at least one row');
  const instanceHost = options.instanceHost ?? UI_TEXTS_EN['diagram.instanceHost'];
  const legendOrder = new Map(legend.map((device, index) => [device.id, index]));
  const order = (device: DiagramDevice) => legendOrder.get(device.id) ?? legend.length;

  interface Pending {
    row: DiagramRow;
    /** The endpoints at each end of the rule's one arrow. */
    inside: readonly Endpoint[];
    outside: readonly Endpoint[];
  }
  // Outbound rows start inside and reach their destinations; inbound rows start
  // outside and reach their destinations inside. Either way, one arrow per row.
  const pending: Pending[] = rows.map((row) =>
    row.direction === 'outbound'
      ? { row, inside: [row.source], outside: row.destinations }
      : { row, inside: row.destinations, outside: [row.source] },
  );
  const idsOf = (endpoints: readonly Endpoint[]) => endpoints.map((endpoint) => endpoint.id).join('+');

  const sites = new Map<string, DiagramSite>();
  const siteFor = (endpoints: readonly Endpoint[], side: DiagramSite['side'], key: string): DiagramSite => {
    let site = sites.get(key);
    if (!site) {
      const names = endpoints.map((endpoint) => endpoint.name);
      const wildcard = endpoints
        .filter((endpoint) => endpoint.kind === 'pascom-instance')
        .flatMap((endpoint) => endpoint.hosts)
        .find((host) => host.startsWith('*.'));
      site = {
        key,
        endpointIds: endpoints.map((endpoint) => endpoint.id),
        side,
        names,
        hosts: [...new Set(endpoints.flatMap((endpoint) => shownHosts(endpoint, instanceHost)))].filter(
          (host) => !names.includes(host),
        ),
        instance:
          wildcard === undefined ? undefined : formatText(instanceHost, { domain: wildcard.slice(2) }),
        devices: [],
        ruleIds: [],
      };
      sites.set(key, site);
    }
    return site;
  };
  const addRule = (site: DiagramSite, ruleId: string) => {
    if (!site.ruleIds.includes(ruleId)) site.ruleIds.push(ruleId);
  };
  const addDevices = (site: DiagramSite, row: DiagramRow) => {
    for (const device of row.rule.devices) {
      let entry = site.devices.find((candidate) => candidate.id === device.id);
      if (!entry) {
        entry = { id: device.id, name: device.name, icon: device.icon, ruleIds: [] };
        site.devices.push(entry);
      }
      if (!entry.ruleIds.includes(row.rule.id)) entry.ruleIds.push(row.rule.id);
    }
  };

  const inside: DiagramSite[] = [];
  const outside: DiagramSite[] = [];
  const connections: DiagramConnection[] = [];
  // A place on the internet reached from two networks is drawn once beside each, so
  // every box on the right sits next to its own connections.
  for (const insideIds of new Set(pending.map((item) => idsOf(item.inside)))) {
    const ofInside = pending.filter((item) => idsOf(item.inside) === insideIds);
    const insideSite = siteFor(ofInside[0]!.inside, 'inside', `inside:${insideIds}`);
    inside.push(insideSite);
    for (const outsideIds of new Set(ofInside.map((item) => idsOf(item.outside)))) {
      const ofPair = ofInside.filter((item) => idsOf(item.outside) === outsideIds);
      const outsideSite = siteFor(ofPair[0]!.outside, 'outside', `outside:${insideIds}:${outsideIds}`);
      outside.push(outsideSite);
      for (const { row } of ofPair) {
        addRule(insideSite, row.rule.id);
        addRule(outsideSite, row.rule.id);
        // Devices sit where their connections start.
        addDevices(row.direction === 'outbound' ? insideSite : outsideSite, row);
        connections.push({
          key: `${row.rule.id}:${insideIds}:${outsideIds}`,
          ruleId: row.rule.id,
          title: row.rule.title,
          label: connectionLabel(row.rule.ports, row.rule.protocols),
          direction: row.direction,
          insideKey: insideSite.key,
          outsideKey: outsideSite.key,
          deviceIds: row.rule.devices.map((device) => device.id),
        });
      }
    }
  }
  for (const site of sites.values()) site.devices.sort((a, b) => order(a) - order(b));
  return { inside, outside, connections, ruleCount: new Set(rows.map((row) => row.rule.id)).size };
}

/** The texts a diagram's description is made of. */
export type DiagramTexts = Pick<
  UiTexts,
  | 'notice.and'
  | 'diagram.firewall'
  | 'diagram.connectsOut'
  | 'diagram.reachedFrom'
  | 'diagram.behindFirewall'
  | 'diagram.inAll'
  | 'diagram.instanceHost'
  | 'count.connection'
  | 'count.connections'
>;

const listOf = (texts: DiagramTexts, items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${texts['notice.and']} ${items.at(-1)!}`;

/**
 * A plain-language account of the picture for its `<desc>`: which devices sit
 * where, and each connection with its ports, protocol and direction, so a
 * screen reader user learns what a sighted reader sees. `brief` leaves out the
 * rules' titles, for pages where the table beside the picture names them.
 */
export function describeDiagram(
  model: DiagramModel,
  detail: 'full' | 'brief' = 'full',
  texts: DiagramTexts = UI_TEXTS_EN,
): string {
  // The instance is named as the tables name it: "pascom.cloud (<your-instance>.pascom.cloud)".
  const named = (site: DiagramSite) => {
    const name = siteName(site, texts['notice.and']);
    return site.hosts.length === 0 ? name : `${name} (${site.hosts.join(', ')})`;
  };
  const withDevices = (site: DiagramSite) =>
    site.devices.length === 0
      ? named(site)
      : `${named(site)} (${listOf(
          texts,
          site.devices.map((device) => device.name),
        )})`;
  const list = (items: DiagramConnection[]) =>
    listOf(
      texts,
      items.map((connection) =>
        detail === 'full' ? `${connection.label} (${connection.title})` : connection.label,
      ),
    );
  const sentences = model.inside.map((site) => {
    const parts = model.outside.flatMap((far) => {
      const ofPair = model.connections.filter(
        (connection) => connection.insideKey === site.key && connection.outsideKey === far.key,
      );
      const outbound = ofPair.filter((connection) => connection.direction === 'outbound');
      const inbound = ofPair.filter((connection) => connection.direction === 'inbound');
      return [
        ...(outbound.length > 0
          ? [formatText(texts['diagram.connectsOut'], { place: named(far), ports: list(outbound) })]
          : []),
        ...(inbound.length > 0
          ? [formatText(texts['diagram.reachedFrom'], { place: withDevices(far), ports: list(inbound) })]
          : []),
      ];
    });
    return formatText(texts['diagram.behindFirewall'], {
      site: withDevices(site),
      connections: parts.join('; '),
    });
  });
  const count = model.connections.length;
  const connections = formatText(texts[count === 1 ? 'count.connection' : 'count.connections'], { count });
  return `${sentences.join(' ')} ${formatText(texts['diagram.inAll'], { connections })}`;
}
