import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

/**
 * Reads a network diagram back out of its SVG the way a reader looks at it:
 * the boxes and their names, and for each arrow its label, the boxes at its two
 * ends and which end its head points at. It ignores the data attributes on
 * purpose, so it checks the drawing itself, not what the writer meant to draw.
 */

interface ReadBox {
  /** Its names as a sentence names them: "cloudmx1.pascom.net and cloudmx2.pascom.net". */
  name: string;
  /** Left of the firewall: your side; right of it: the internet. */
  side: 'near' | 'far';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ReadConnection {
  label: string;
  /** Name of the box on your side of the firewall, or "?" when the line ends at none. */
  near: string;
  /** Name of the box on the internet side, or "?". */
  far: string;
  /** Which end the arrowhead points at: the far box (outbound), your box (inbound), or neither. */
  direction: 'outbound' | 'inbound' | 'unclear';
}

export interface ReadDiagram {
  title: string;
  description: string;
  boxes: ReadBox[];
  connections: ReadConnection[];
  /** Every piece of text, lines joined. */
  texts: string[];
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  /** Text directly inside the element. */
  text: string;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

function toElements(nodes: OrderedNode[]): Element[] {
  const elements: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (!name || name.startsWith('#') || name.startsWith('?')) continue;
    const inner = (node[name] as OrderedNode[] | undefined) ?? [];
    elements.push({
      name,
      attributes: Object.fromEntries(
        Object.entries((node[':@'] as Record<string, unknown> | undefined) ?? {}).map(([key, value]) => [
          key,
          String(value),
        ]),
      ),
      children: toElements(inner),
      text: inner
        .filter((child) => '#text' in child)
        .map((child) => String(child['#text']))
        .join(''),
    });
  }
  return elements;
}

function* descendants(element: Element): Generator<Element> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

const hasClass = (element: Element, name: string) =>
  (element.attributes.class ?? '').split(/\s+/).includes(name);

/**
 * The text of a `<text>` element. Wrapped lines are `<tspan>`s; a line broken at a
 * space lost the space, one broken after a dot, comma, slash, hyphen or plus did not.
 */
function textOf(element: Element): string {
  const lines = element.children.filter((child) => child.name === 'tspan').map((child) => child.text);
  if (lines.length === 0) return element.text;
  return lines.reduce((joined, line) => (/[.,/+-]$/.test(joined) ? joined + line : `${joined} ${line}`));
}

const number = (element: Element | undefined, name: string) => Number(element?.attributes[name] ?? NaN);

/** The points of a path made of M, L and H commands with absolute coordinates. */
function pathPoints(d: string): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (const match of d.matchAll(/([MLH])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const x = Number(match[2]);
    const y = match[1] === 'H' ? points.at(-1)!.y : Number(match[3]);
    points.push({ x, y });
  }
  return points;
}

/** Parses one diagram; throws when the markup is not well-formed XML. */
export function readDiagramSvg(svg: string): ReadDiagram {
  let valid: unknown;
  try {
    valid = SyntaxValidator.validate(svg);
  } catch (error) {
    valid = error instanceof Error ? error.message : error;
  }
  if (valid !== true) throw new Error(`The diagram is not well-formed XML: ${String(valid)}`);
  const root = toElements(parser.parse(svg) as OrderedNode[]).find((element) => element.name === 'svg');
  if (!root) throw new Error('No <svg> element');
  const all = [...descendants(root)];
  const band = all.find((element) => hasClass(element, 'pf-dg-fw'));
  const bandX = number(band, 'x');

  const boxes: ReadBox[] = all
    .filter((element) => hasClass(element, 'pf-dg-site'))
    .map((group) => {
      const rect = group.children.find((child) => child.name === 'rect');
      // A box's names are its bold lines: one, or the several hosts of one rule.
      const names = group.children
        .filter((child) => child.name === 'text' && child.attributes['font-weight'] === 'bold')
        .map(textOf);
      const x = number(rect, 'x');
      return {
        name: names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`,
        side: x < bandX ? 'near' : 'far',
        x,
        y: number(rect, 'y'),
        width: number(rect, 'width'),
        height: number(rect, 'height'),
      };
    });

  const CLOSE = 0.2;
  const connections: ReadConnection[] = all
    .filter((element) => hasClass(element, 'pf-dg-conn'))
    .map((group) => {
      const paths = group.children.filter((child) => child.name === 'path');
      const line = pathPoints(paths.find((path) => hasClass(path, 'pf-dg-line'))?.attributes.d ?? '');
      const head = pathPoints(paths.find((path) => hasClass(path, 'pf-dg-head'))?.attributes.d ?? '');
      // The port label is the connection's first text.
      const label = group.children.find((child) => child.name === 'text');
      const xs = [...line, ...head].map((point) => point.x);
      const left = Math.min(...xs);
      const right = Math.max(...xs);
      const y = line[0]?.y ?? NaN;
      const at = (side: ReadBox['side'], edge: (box: ReadBox) => number, x: number) =>
        boxes.find(
          (box) =>
            box.side === side && Math.abs(edge(box) - x) < CLOSE && y > box.y && y < box.y + box.height,
        )?.name ?? '?';
      const tip = head[0];
      // The tip is the head's point farthest from its base (the other two points share an x).
      const direction =
        tip === undefined || head.length !== 3 || head[1]!.x !== head[2]!.x
          ? 'unclear'
          : Math.abs(tip.x - right) < CLOSE && head[1]!.x < tip.x
            ? 'outbound'
            : Math.abs(tip.x - left) < CLOSE && head[1]!.x > tip.x
              ? 'inbound'
              : 'unclear';
      return {
        label: label ? textOf(label).replaceAll(' ', '') : '',
        near: at('near', (box) => box.x + box.width, left),
        far: at('far', (box) => box.x, right),
        direction,
      };
    });

  return {
    title: root.children.find((child) => child.name === 'title')?.text ?? '',
    description: root.children.find((child) => child.name === 'desc')?.text ?? '',
    boxes,
    connections,
    texts: all.filter((element) => element.name === 'text').map(textOf),
  };
}

/**
 * A connection as one comparable line, e.g. "outbound Your network -> pascom.cloud 5061/TCP".
 * Names are compared without their spaces: a name broken inside a word too long for
 * its box cannot be told from one broken at a space once it is drawn.
 */
export function connectionLine(connection: ReadConnection): string {
  const name = (text: string) => text.replaceAll(' ', '');
  return `${connection.direction} ${name(connection.near)} -> ${name(connection.far)} ${connection.label}`;
}
