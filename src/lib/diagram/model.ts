import type { Device } from '../../schemas/device';
import type { Endpoint } from '../../schemas/endpoint';
import type { PortRange } from '../ports';
import { PROTOCOL_LABELS, type Direction, type IconName, type Protocol } from '../../schemas/registries';
import { formatPortList } from '../ports';
import { formatText, UI_TEXTS_EN, type UiTexts } from '../texts';

/**
 * What a network diagram shows, worked out from the same rows the port tables
 * show: the network behind the firewall with its devices, the places on the
 * internet, and one connection per rule and far end. Nothing here knows about
 * positions; layout.ts places it and svg.ts writes it.
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

/** A box of the diagram: the network behind the firewall, or a place on the internet. */
export interface DiagramSite {
  /** Unique within the diagram. */
  key: string;
  endpointId: string;
  side: 'inside' | 'outside';
  name: string;
  /** DNS names shown under the name. */
  hosts: string[];
  /** Devices that open connections from this site, in the order of the legend. */
  devices: DiagramDevice[];
  ruleIds: string[];
}

/** One arrow: one rule between the network and one place on the internet. */
export interface DiagramConnection {
  /** Unique within the diagram: rule id and far end. */
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

/** The label of a connection: ports, then protocols, e.g. "30000-35000/UDP". */
function connectionLabel(ports: readonly PortRange[], protocols: readonly Protocol[]): string {
  return `${formatPortList(ports).replaceAll(', ', ',')}/${protocols.map((protocol) => PROTOCOL_LABELS[protocol]).join('+')}`;
}

/**
 * Builds the diagram of a set of rows, e.g. one tab of the overview or one
 * rule's row. `legend` gives the order devices are listed in (the legend's).
 */
export function diagramModel(rows: readonly DiagramRow[], legend: readonly Device[]): DiagramModel {
  if (rows.length === 0) throw new Error('A network diagram needs at least one row');
  const legendOrder = new Map(legend.map((device, index) => [device.id, index]));
  const order = (device: DiagramDevice) => legendOrder.get(device.id) ?? legend.length;

  interface Pending {
    row: DiagramRow;
    inside: Endpoint;
    outside: Endpoint;
  }
  // Outbound rows start inside and reach each destination; inbound rows start
  // outside and reach each destination inside.
  const pending: Pending[] = rows.flatMap((row) =>
    row.destinations.map((destination) =>
      row.direction === 'outbound'
        ? { row, inside: row.source, outside: destination }
        : { row, inside: destination, outside: row.source },
    ),
  );

  const insideIds = [...new Set(pending.map((item) => item.inside.id))];
  const sites = new Map<string, DiagramSite>();
  const siteFor = (endpoint: Endpoint, side: DiagramSite['side'], key: string): DiagramSite => {
    let site = sites.get(key);
    if (!site) {
      site = {
        key,
        endpointId: endpoint.id,
        side,
        name: endpoint.name,
        hosts: [...endpoint.hosts],
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
  // An internet site reached from two networks is drawn once beside each, so
  // every box on the right sits next to its own connections.
  for (const insideId of insideIds) {
    const ofInside = pending.filter((item) => item.inside.id === insideId);
    const insideSite = siteFor(ofInside[0]!.inside, 'inside', `inside:${insideId}`);
    inside.push(insideSite);
    const outsideIds = [...new Set(ofInside.map((item) => item.outside.id))];
    for (const outsideId of outsideIds) {
      const ofPair = ofInside.filter((item) => item.outside.id === outsideId);
      const outsideSite = siteFor(ofPair[0]!.outside, 'outside', `outside:${insideId}:${outsideId}`);
      outside.push(outsideSite);
      for (const { row } of ofPair) {
        addRule(insideSite, row.rule.id);
        addRule(outsideSite, row.rule.id);
        // Devices sit where their connections start.
        addDevices(row.direction === 'outbound' ? insideSite : outsideSite, row);
        connections.push({
          key: `${row.rule.id}:${insideId}:${outsideId}`,
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
  const withDevices = (site: DiagramSite) =>
    site.devices.length === 0
      ? site.name
      : `${site.name} (${listOf(
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
          ? [formatText(texts['diagram.connectsOut'], { place: far.name, ports: list(outbound) })]
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
