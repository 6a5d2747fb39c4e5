import { textWidth, wrapText, type BreakAt, type TextStyle } from './text-metrics';
import type { DiagramConnection, DiagramDevice, DiagramModel, DiagramSite } from './model';

/**
 * Places a diagram model on a canvas. The picture reads left to right: your
 * network, your firewall just outside it, then one lane per connection ending
 * at the place on the internet it reaches. The wide layout writes each lane's
 * ports and rule title above its arrow; the narrow one, with no room between
 * the boxes, writes them inside the far box, on the line its short arrow points
 * at, so the far box is wide enough for a whole hostname. Every lane, box and
 * line of text gets its own rectangle, sized with the deterministic text widths
 * of text-metrics.ts, so nothing can overlap by construction and the tests can
 * prove it from the numbers alone.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a piece of text is, for styling and for the checks. */
type TextRole =
  'heading' | 'firewall' | 'site-name' | 'host' | 'device' | 'label' | 'title' | 'note' | 'version';

/** One or more lines of text and the rectangle they fit in. */
export interface TextBlock extends Rect {
  role: TextRole;
  /** The text as given, before it was broken into lines. */
  text: string;
  lines: string[];
  style: TextStyle;
  lineHeight: number;
  /** Which point of the rectangle the text is anchored at: its left edge, its middle or its right edge. */
  anchor: 'start' | 'middle' | 'end';
}

interface DeviceLayout {
  device: DiagramDevice;
  icon: Rect;
  name: TextBlock;
}

export interface SiteLayout extends Rect {
  site: DiagramSite;
  /** Name and DNS names. */
  texts: TextBlock[];
  devices: DeviceLayout[];
}

export interface ConnectionLayout {
  connection: DiagramConnection;
  /** The horizontal line from the network's box to the far box, at height `y`. */
  x1: number;
  x2: number;
  y: number;
  /** The arrowhead: tip first, at the end the connection is opened towards. */
  head: [Point, Point, Point];
  label: TextBlock;
  /** The rule's title: what the connection is for, so two arrows with one port stay apart. */
  title?: TextBlock | undefined;
}

export interface DiagramLayout {
  preset: LayoutPreset['name'];
  /** Where the preset writes labels and titles. */
  labels: LayoutPreset['labels'];
  /** The size most text has; the writer states it once for the whole drawing. */
  fontSize: number;
  width: number;
  height: number;
  heading?: TextBlock | undefined;
  firewall: Rect;
  firewallLabel: TextBlock;
  sites: SiteLayout[];
  connections: ConnectionLayout[];
  /** Lines below the picture: notes on the left, the data version on the right. */
  footer: TextBlock[];
}

/** Sizes of one layout: a wide one for desktops and print, a narrow one for phones. */
export interface LayoutPreset {
  name: 'wide' | 'narrow';
  width: number;
  /** Site and firewall names, in bold. Sizes are whole pixels, so every baseline falls on a whole pixel. */
  nameSize: number;
  /** Device names, DNS names and notes. */
  smallSize: number;
  /** Port labels. */
  labelSize: number;
  /** Rule titles beside the labels; 0 leaves them out. */
  titleSize: number;
  /** Where labels and titles go: above each arrow (`lane`), or in the far box, level with the arrow's tip (`box`). */
  labels: 'lane' | 'box';
  /** Inner padding of the boxes. */
  padding: number;
  iconSize: number;
  /** Room between a device's icon and its name. */
  iconGap: number;
  insideWidth: number;
  /** Room between the network's box and the firewall, where inbound arrowheads end. */
  firewallGap: number;
  firewallWidth: number;
  outsideWidth: number;
}

/**
 * The smallest text any drawing has, in px at its own size: diagram.css shows each
 * drawing only where it is drawn at its own size or larger, so no reader sees less.
 */
export const MIN_FONT_SIZE = 12;

/**
 * Drawn at its own size in a column of 680 px or more (the overview at 1024 px and
 * up); the far boxes hold a whole "<your-instance>.pascom.cloud".
 */
export const WIDE: LayoutPreset = {
  name: 'wide',
  width: 680,
  nameSize: 13,
  smallSize: 12,
  labelSize: 12,
  titleSize: 12,
  labels: 'lane',
  padding: 8,
  iconSize: 18,
  iconGap: 6,
  insideWidth: 156,
  firewallGap: 14,
  firewallWidth: 12,
  outsideWidth: 216,
};

/**
 * Fits the 328 px column of a 360 px screen at its own size, with 12 px text. The far
 * boxes take most of the width, so a hostname stays on one line, and list each arrow's
 * ports and rule title where the arrow points.
 */
export const NARROW: LayoutPreset = {
  name: 'narrow',
  width: 328,
  nameSize: 12,
  smallSize: 12,
  labelSize: 12,
  titleSize: 12,
  labels: 'box',
  padding: 6,
  iconSize: 16,
  iconGap: 4,
  insideWidth: 90,
  firewallGap: 9,
  firewallWidth: 6,
  outsideWidth: 211,
};

/** Text the picture states besides the data, for the standalone files. */
export interface LayoutOptions {
  heading?: string | undefined;
  /** Lines at the bottom left, e.g. how to read the arrows. */
  notes?: readonly string[] | undefined;
  /** Put at the bottom right, e.g. "Data version 2025.06.01.1". */
  version?: string | undefined;
  /** The firewall's label, in the page's language. */
  firewallName?: string | undefined;
}

/** Space between a label and the line below it. */
const LABEL_GAP = 6;
/** Space between a line and the next lane's label. */
const LANE_GAP = 10;
/** Space between two lanes written in a far box. */
const BOX_LANE_GAP = 5;
/** Space between a label and its title. */
const TITLE_GAP = 8;
/** A title beside its label gets at least this much room, or goes on the line below it. */
const MIN_TITLE_WIDTH = 72;
/** Space between two boxes stacked on one side. */
const BOX_GAP = 10;
const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 4;
/** Baseline-to-baseline distance in ems, rounded up to whole pixels; also the height of one line's rectangle. */
const LINE_HEIGHT = 1.25;

/** The firewall is the reader's own, whatever its make. */
const FIREWALL_NAME = 'Your firewall';

function block(
  role: TextRole,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  style: TextStyle,
  anchor: TextBlock['anchor'] = 'start',
  at: BreakAt = 'marks',
): TextBlock {
  const lines = wrapText(text, maxWidth, style, at);
  const width = Math.max(...lines.map((line) => textWidth(line, style)));
  const lineHeight = Math.ceil(style.size * LINE_HEIGHT);
  return { role, text, lines, style, lineHeight, anchor, x, y, width, height: lines.length * lineHeight };
}

/**
 * Places a site's names, DNS names and devices from the top of its box; returns the
 * height they need. Names and hostnames break at spaces only, so a hostname stays whole.
 */
function siteContent(
  site: DiagramSite,
  x: number,
  top: number,
  width: number,
  preset: LayoutPreset,
): { texts: TextBlock[]; devices: DeviceLayout[]; height: number } {
  const pad = preset.padding;
  const inner = width - 2 * pad;
  const texts: TextBlock[] = [];
  let cursor = top + pad;
  for (const name of site.names) {
    const nameBlock = block(
      'site-name',
      name,
      x + pad,
      cursor,
      inner,
      { family: 'sans', bold: true, size: preset.nameSize },
      'start',
      'spaces',
    );
    texts.push(nameBlock);
    cursor += nameBlock.height;
  }
  cursor += 2;
  for (const host of site.hosts) {
    const hostBlock = block(
      'host',
      host,
      x + pad,
      cursor,
      inner,
      { family: 'sans', bold: false, size: preset.smallSize },
      'start',
      'spaces',
    );
    texts.push(hostBlock);
    cursor += hostBlock.height;
  }
  const devices: DeviceLayout[] = [];
  if (site.devices.length > 0) cursor += 6;
  const deviceStyle: TextStyle = { family: 'sans', bold: false, size: preset.smallSize };
  const nameX = x + pad + preset.iconSize + preset.iconGap;
  for (const device of site.devices) {
    const nameBlock = block('device', device.name, nameX, cursor, x + width - pad - nameX, deviceStyle);
    const rowHeight = Math.max(preset.iconSize, nameBlock.height);
    // A one-line name sits level with its icon; longer names start at the icon's top.
    if (nameBlock.lines.length === 1) nameBlock.y = cursor + Math.floor((rowHeight - nameBlock.height) / 2);
    devices.push({
      device,
      icon: {
        x: x + pad,
        y: cursor + Math.floor((rowHeight - preset.iconSize) / 2),
        width: preset.iconSize,
        height: preset.iconSize,
      },
      name: nameBlock,
    });
    cursor += rowHeight + 5;
  }
  // The spacing after the last row (5 after a device, 2 after the name) is not needed below it.
  return { texts, devices, height: cursor - top + pad - (site.devices.length > 0 ? 5 : 2) };
}

/** Lays out a diagram model with the sizes of `preset`. */
export function layoutDiagram(
  model: DiagramModel,
  preset: LayoutPreset,
  options: LayoutOptions = {},
): DiagramLayout {
  const { width } = preset;
  const nameStyle: TextStyle = { family: 'sans', bold: true, size: preset.nameSize };
  const labelStyle: TextStyle = { family: 'mono', bold: true, size: preset.labelSize };
  const titleStyle: TextStyle = { family: 'sans', bold: false, size: preset.titleSize };
  let y = 0;

  const heading =
    options.heading === undefined
      ? undefined
      : block('heading', options.heading, 0, 0, width, { ...nameStyle, size: preset.nameSize + 2 });
  if (heading) y = heading.height + 10;

  const bandX = preset.insideWidth + preset.firewallGap;
  const bandCenter = bandX + preset.firewallWidth / 2;
  const firewallLabel = block(
    'firewall',
    options.firewallName ?? FIREWALL_NAME,
    0,
    y,
    width,
    nameStyle,
    'middle',
  );
  firewallLabel.x = Math.min(Math.max(bandCenter - firewallLabel.width / 2, 0), width - firewallLabel.width);
  y += firewallLabel.height + 4;
  const lanesTop = y;

  const outsideX = width - preset.outsideWidth;
  const labelX = bandX + preset.firewallWidth + 8;
  const laneRoom = outsideX - 8 - labelX;
  const showTitles = preset.titleSize > 0;
  const widestLabel = Math.max(...model.connections.map((c) => textWidth(c.label, labelStyle)));
  // With titles, labels get the room they need up to a bit under half the lane; titles wrap in the rest.
  const labelWidth = showTitles ? Math.ceil(Math.min(widestLabel, laneRoom * 0.45)) : laneRoom;
  const titleX = labelX + labelWidth + 12;
  const titleWidth = outsideX - 8 - titleX;

  const sites: SiteLayout[] = [];
  const connections: ConnectionLayout[] = [];
  for (const inside of model.inside) {
    const insideTop = y;
    for (const outside of model.outside) {
      const lanes = model.connections.filter(
        (connection) => connection.insideKey === inside.key && connection.outsideKey === outside.key,
      );
      if (lanes.length === 0) continue;
      const groupTop = y;
      const head = (connection: DiagramConnection, lineY: number): ConnectionLayout['head'] => {
        const tipX = connection.direction === 'outbound' ? outsideX : preset.insideWidth;
        const baseX = connection.direction === 'outbound' ? tipX - ARROW_LENGTH : tipX + ARROW_LENGTH;
        return [
          { x: tipX, y: lineY },
          { x: baseX, y: lineY - ARROW_HALF_WIDTH },
          { x: baseX, y: lineY + ARROW_HALF_WIDTH },
        ];
      };
      const content = siteContent(outside, outsideX, groupTop, preset.outsideWidth, preset);
      if (preset.labels === 'box') {
        // The far box names its place first; below, one line per arrow, level with its tip.
        const pad = preset.padding;
        const left = outsideX + pad;
        const right = width - pad;
        let cursor = groupTop + content.height + 2;
        for (const connection of lanes) {
          const label = block('label', connection.label, left, cursor, right - left, labelStyle);
          // The title goes beside its label where its words fit there whole, else on the line below.
          const besideX = left + label.width + TITLE_GAP;
          const longestWord = Math.max(
            ...connection.title.split(/\s+/).map((word) => textWidth(word, titleStyle)),
          );
          const beside = right - besideX >= Math.max(MIN_TITLE_WIDTH, longestWord);
          const title = showTitles
            ? block(
                'title',
                connection.title,
                beside ? besideX : left,
                beside ? cursor : cursor + label.height,
                beside ? right - besideX : right - left,
                titleStyle,
              )
            : undefined;
          // The arrow meets the box halfway down the label's first line.
          const lineY = cursor + Math.round(label.lineHeight / 2);
          connections.push({
            connection,
            x1: preset.insideWidth,
            x2: outsideX,
            y: lineY,
            head: head(connection, lineY),
            label,
            title,
          });
          cursor = Math.max(label.y + label.height, title ? title.y + title.height : 0) + BOX_LANE_GAP;
        }
        y = cursor - BOX_LANE_GAP + pad;
      } else {
        for (const connection of lanes) {
          const label = block('label', connection.label, labelX, y, labelWidth, labelStyle);
          const title = showTitles
            ? block('title', connection.title, titleX, y, titleWidth, titleStyle)
            : undefined;
          const lineY = y + Math.max(label.height, title?.height ?? 0) + LABEL_GAP;
          connections.push({
            connection,
            x1: preset.insideWidth,
            x2: outsideX,
            y: lineY,
            head: head(connection, lineY),
            label,
            title,
          });
          y = lineY + LANE_GAP;
        }
        y = Math.max(y - LANE_GAP + 6, groupTop + content.height);
      }
      const bottom = y;
      sites.push({
        site: outside,
        x: outsideX,
        y: groupTop,
        width: preset.outsideWidth,
        height: bottom - groupTop,
        texts: content.texts,
        devices: content.devices,
      });
      y = bottom + BOX_GAP;
    }
    const content = siteContent(inside, 0, insideTop, preset.insideWidth, preset);
    const bottom = Math.max(y - BOX_GAP, insideTop + content.height);
    sites.push({
      site: inside,
      x: 0,
      y: insideTop,
      width: preset.insideWidth,
      height: bottom - insideTop,
      texts: content.texts,
      devices: content.devices,
    });
    y = bottom + BOX_GAP;
  }
  const lanesBottom = y - BOX_GAP;
  const firewall: Rect = {
    x: bandX,
    y: lanesTop,
    width: preset.firewallWidth,
    height: lanesBottom - lanesTop,
  };

  const footer: TextBlock[] = [];
  y = lanesBottom + 12;
  const noteStyle: TextStyle = { family: 'sans', bold: false, size: preset.smallSize };
  const version =
    options.version === undefined
      ? undefined
      : block('version', options.version, 0, y, width, noteStyle, 'end');
  if (version) version.x = width - version.width;
  const notesWidth = version ? width - version.width - 16 : width;
  let notesBottom = y;
  for (const note of options.notes ?? []) {
    const noteBlock = block('note', note, 0, notesBottom, notesWidth, noteStyle);
    footer.push(noteBlock);
    notesBottom += noteBlock.height;
  }
  if (version) {
    // The version sits in the bottom right corner, level with the last note.
    version.y = Math.max(notesBottom - version.height, y);
    footer.push(version);
  }
  const footerBottom = Math.max(notesBottom, version ? version.y + version.height : y);
  const height = footer.length > 0 ? footerBottom + 4 : lanesBottom + 2;

  return {
    preset: preset.name,
    labels: preset.labels,
    fontSize: preset.smallSize,
    width,
    height: Math.ceil(height),
    heading,
    firewall,
    firewallLabel,
    sites,
    connections,
    footer,
  };
}

/** Every piece of text in a layout, in drawing order. */
export function layoutTexts(layout: DiagramLayout): TextBlock[] {
  return [
    ...(layout.heading ? [layout.heading] : []),
    layout.firewallLabel,
    ...layout.sites.flatMap((site) => [...site.texts, ...site.devices.map((device) => device.name)]),
    ...layout.connections.flatMap((connection) => [
      connection.label,
      ...(connection.title ? [connection.title] : []),
    ]),
    ...layout.footer,
  ];
}
