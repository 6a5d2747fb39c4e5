import {
  layoutTexts,
  type ConnectionLayout,
  type DiagramLayout,
  type Rect,
  type SiteLayout,
  type TextBlock,
} from '../../../src/lib/diagram/layout';
import { siteName, type DiagramModel } from '../../../src/lib/diagram/model';

/**
 * Geometry checks over a laid-out diagram, from its numbers alone: what a reader
 * would see as text over text, text over a box or a line, a lost label, or a
 * drawing running off the canvas. Each returns a sentence per problem, so a
 * failing test says what is wrong where.
 */

/** Rectangles that only touch do not overlap; this much shared edge is allowed for rounding. */
const EPSILON = 0.01;
/** Half the width of a connection's stroke. */
const LINE_HALF_WIDTH = 0.75;

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width - EPSILON &&
    b.x < a.x + a.width - EPSILON &&
    a.y < b.y + b.height - EPSILON &&
    b.y < a.y + a.height - EPSILON
  );
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x - EPSILON &&
    inner.y >= outer.y - EPSILON &&
    inner.x + inner.width <= outer.x + outer.width + EPSILON &&
    inner.y + inner.height <= outer.y + outer.height + EPSILON
  );
}

const describe = (block: TextBlock) => `${block.role} "${block.lines.join(' ')}"`;

/** The line of a connection and its arrowhead, as rectangles. */
function connectionShapes(connection: ConnectionLayout): Rect[] {
  const xs = connection.head.map((point) => point.x);
  const ys = connection.head.map((point) => point.y);
  return [
    {
      x: Math.min(connection.x1, connection.x2),
      y: connection.y - LINE_HALF_WIDTH,
      width: Math.abs(connection.x2 - connection.x1),
      height: 2 * LINE_HALF_WIDTH,
    },
    {
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    },
  ];
}

/** No piece of text overlaps another. */
export function textOverlaps(layout: DiagramLayout): string[] {
  const texts = layoutTexts(layout);
  const problems: string[] = [];
  texts.forEach((a, index) => {
    for (const b of texts.slice(index + 1)) {
      if (intersects(a, b)) problems.push(`${describe(a)} overlaps ${describe(b)}`);
    }
  });
  return problems;
}

/**
 * Text stays clear of boxes: a site's own name, DNS names and devices lie inside
 * its box, so do the labels and titles a narrow drawing writes in a far box, and
 * no other text touches a box or the firewall band. Icons too.
 */
export function textCrossingBoxes(layout: DiagramLayout): string[] {
  const problems: string[] = [];
  const owner = new Map<TextBlock, SiteLayout>();
  for (const site of layout.sites) {
    const inner = { x: site.x + 1, y: site.y + 1, width: site.width - 2, height: site.height - 2 };
    const written =
      layout.labels === 'box'
        ? layout.connections
            .filter((connection) => connection.connection.outsideKey === site.site.key)
            .flatMap((connection) => [connection.label, ...(connection.title ? [connection.title] : [])])
        : [];
    for (const block of [...site.texts, ...site.devices.map((device) => device.name), ...written]) {
      owner.set(block, site);
      if (!contains(inner, block))
        problems.push(`${describe(block)} sticks out of the box "${siteName(site.site)}"`);
    }
    for (const device of site.devices) {
      if (!contains(inner, device.icon))
        problems.push(`the icon of "${device.device.name}" sticks out of the box "${siteName(site.site)}"`);
      for (const block of layoutTexts(layout)) {
        if (intersects(block, device.icon))
          problems.push(`${describe(block)} covers the icon of "${device.device.name}"`);
      }
    }
  }
  for (const block of layoutTexts(layout)) {
    for (const site of layout.sites) {
      if (owner.get(block) !== site && intersects(block, site))
        problems.push(`${describe(block)} crosses the box "${siteName(site.site)}"`);
    }
    if (intersects(block, layout.firewall)) problems.push(`${describe(block)} crosses the firewall`);
  }
  return problems;
}

/** No text lies on a connection's line or arrowhead, its own or another's. */
export function textCrossingLines(layout: DiagramLayout): string[] {
  const problems: string[] = [];
  for (const block of layoutTexts(layout)) {
    for (const connection of layout.connections) {
      if (connectionShapes(connection).some((shape) => intersects(block, shape)))
        problems.push(`${describe(block)} lies on the line of "${connection.connection.label}"`);
    }
  }
  return problems;
}

/**
 * Every connection of the model is drawn once, with its label complete, above
 * its own line and between the two boxes it joins; its line starts at its
 * network's box, ends at its far box, crosses no other box, and its arrowhead
 * points the way the connection is opened.
 */
export function connectionProblems(layout: DiagramLayout, model: DiagramModel): string[] {
  const problems: string[] = [];
  const siteOf = (key: string) => layout.sites.find((site) => site.site.key === key);
  for (const connection of model.connections) {
    const drawn = layout.connections.filter((candidate) => candidate.connection.key === connection.key);
    if (drawn.length !== 1) {
      problems.push(`"${connection.key}" is drawn ${drawn.length} times`);
      continue;
    }
    const { label, x1, x2, y, head } = drawn[0]!;
    if (label.role !== 'label' || label.lines.join('') !== connection.label)
      problems.push(`"${connection.key}" is labelled "${label.lines.join('')}", not "${connection.label}"`);
    const inside = siteOf(connection.insideKey);
    const outside = siteOf(connection.outsideKey);
    // Above its own line between the boxes, or in the far box level with the line's end.
    const above =
      label.y + label.height <= y - LINE_HALF_WIDTH && label.x >= x1 && label.x + label.width <= x2;
    const level =
      outside !== undefined &&
      contains(outside, label) &&
      y > label.y &&
      y < label.y + label.lineHeight &&
      label.x - x2 < 12;
    if (!above && !level) problems.push(`the label of "${connection.key}" is not at its own line`);
    const within = (site: SiteLayout | undefined) =>
      site !== undefined && y > site.y && y < site.y + site.height;
    if (!inside || Math.abs(inside.x + inside.width - x1) > EPSILON || !within(inside))
      problems.push(`the line of "${connection.key}" does not start at its network's box`);
    if (!outside || Math.abs(outside.x - x2) > EPSILON || !within(outside))
      problems.push(`the line of "${connection.key}" does not end at its far box`);
    const line = connectionShapes(drawn[0]!)[0]!;
    for (const site of layout.sites) {
      if (site !== inside && site !== outside && intersects(line, site))
        problems.push(`the line of "${connection.key}" crosses the box "${siteName(site.site)}"`);
    }
    const tipX = connection.direction === 'outbound' ? x2 : x1;
    if (Math.abs(head[0].x - tipX) > EPSILON || Math.abs(head[0].y - y) > EPSILON)
      problems.push(`the arrow of "${connection.key}" does not point ${connection.direction}`);
  }
  if (layout.connections.length !== model.connections.length)
    problems.push(`${layout.connections.length} connections drawn for ${model.connections.length}`);
  return problems;
}

/** Everything lies on the canvas, and boxes on one side do not overlap. */
export function canvasProblems(layout: DiagramLayout): string[] {
  const canvas = { x: 0, y: 0, width: layout.width, height: layout.height };
  const problems: string[] = [];
  for (const block of layoutTexts(layout))
    if (!contains(canvas, block)) problems.push(`${describe(block)} runs off the canvas`);
  for (const site of layout.sites)
    if (!contains(canvas, site)) problems.push(`the box "${siteName(site.site)}" runs off the canvas`);
  if (!contains(canvas, layout.firewall)) problems.push('the firewall runs off the canvas');
  layout.sites.forEach((a, index) => {
    for (const b of layout.sites.slice(index + 1))
      if (intersects(a, b))
        problems.push(`the boxes "${siteName(a.site)}" and "${siteName(b.site)}" overlap`);
  });
  return problems;
}

/** Every check at once. */
export function geometryProblems(layout: DiagramLayout, model: DiagramModel): string[] {
  return [
    ...textOverlaps(layout),
    ...textCrossingBoxes(layout),
    ...textCrossingLines(layout),
    ...connectionProblems(layout, model),
    ...canvasProblems(layout),
  ];
}

/**
 * What keeps a drawing legible at its own size: no text under `minSize` px, a
 * hostname (a name or DNS name without spaces) whole on one line, and a port
 * label on one line no wider than the box or lane it is written in.
 */
export function legibilityProblems(layout: DiagramLayout, minSize: number): string[] {
  const problems: string[] = [];
  for (const block of layoutTexts(layout))
    if (block.style.size < minSize)
      problems.push(`${describe(block)} is ${block.style.size} px, under ${minSize}`);
  for (const site of layout.sites) {
    for (const block of site.texts) {
      if (!/\s/.test(block.text) && block.lines.length > 1)
        problems.push(`${block.role} "${block.text}" is split over ${block.lines.length} lines`);
    }
  }
  for (const connection of layout.connections) {
    const { label } = connection;
    if (label.lines.length > 1)
      problems.push(`label "${label.text}" is split over ${label.lines.length} lines`);
    const room =
      layout.labels === 'box'
        ? (layout.sites.find((site) => site.site.key === connection.connection.outsideKey)?.width ?? 0)
        : connection.x2 - connection.x1;
    if (label.width > room)
      problems.push(`${describe(label)} is wider than the ${Math.round(room)} px it has`);
  }
  return problems;
}
