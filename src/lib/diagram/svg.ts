import { ICON_SHAPES, ICON_STROKE } from '../site/icons';
import { escapeXml } from '../xml';
import { MONO_FONT, SANS_FONT } from './text-metrics';
import type { DiagramLayout, Point, Rect, TextBlock } from './layout';

/**
 * Writes a laid-out diagram as SVG markup. Two kinds:
 *
 * - `inline`, for the site's pages: icons are `<use>` references to the page's
 *   icon sprite (IconSprite.astro), and classes let diagram.css colour it from
 *   Starlight's theme, so light and dark mode both work.
 * - `standalone`, for /diagrams/*.svg: a complete file with its own white
 *   background, the icon shapes inlined and nothing fetched or run.
 *
 * The standalone files carry fixed light colours as presentation attributes,
 * which every viewer and editor understands; no style attributes or elements,
 * so nothing depends on a Content-Security-Policy allowing inline styles.
 * A connection's first text is its port label, its second the rule's title.
 * Every connection and device carries the rule and device ids it stands for
 * (`data-rules`, `data-devices`), so a script can fade what a filter hides.
 */

export interface SvgOptions {
  kind: 'inline' | 'standalone';
  /** Prefix of the ids of `<title>` and `<desc>`; must be unique on the page. */
  id: string;
  title: string;
  description: string;
}

/** Colours of the light theme, close to Starlight's own light colours. */
const LIGHT = {
  background: '#ffffff',
  text: '#111827',
  muted: '#374151',
  boxFill: '#f3f4f6',
  boxStroke: '#6b7280',
  line: '#3730a3',
  firewallFill: '#ffedd5',
  firewallStroke: '#c2410c',
} as const;

/** The font size diagram.css gives every drawing on the site; a drawing with another states its own. */
export const INLINE_FONT_SIZE = 12;

/** Room around the picture in the standalone files, which have no page margin around them. */
const STANDALONE_MARGIN = 16;

/** Text that people see in secondary grey rather than full black. */
const MUTED_ROLES = new Set<TextBlock['role']>(['host', 'title', 'note', 'version']);

/** Coordinates to one decimal: finer than a pixel at any zoom, and short. */
const n = (value: number) => String(Math.round(value * 10) / 10);

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

function rect(box: Rect, values: Record<string, string | undefined>): string {
  return `<rect${attributes({ x: n(box.x), y: n(box.y), width: n(box.width), height: n(box.height), ...values })}/>`;
}

/**
 * A block of text: one `<text>` element, a `<tspan>` per line. The first
 * baseline sits one em below the top of the block, which leaves room above for
 * the font's ascenders and below the last line for its descenders. Only what
 * differs from the drawing's defaults (sans, regular, its font size, full
 * colour) is stated, which keeps the overview light.
 */
function text(block: TextBlock, layout: DiagramLayout, kind: SvgOptions['kind']): string {
  const anchorX =
    block.anchor === 'start'
      ? block.x
      : block.anchor === 'middle'
        ? block.x + block.width / 2
        : block.x + block.width;
  const muted = MUTED_ROLES.has(block.role);
  const baseline = block.y + block.style.size;
  // No classes: diagram.css finds a port label as the first text of its connection and muted
  // text as a connection's second text or a box's text that is not bold, so no line repeats a class.
  const head = attributes({
    x: n(anchorX),
    y: n(baseline),
    'font-size': block.style.size === layout.fontSize ? undefined : n(block.style.size),
    // On the site, diagram.css gives port labels their font (the same MONO_FONT); a font
    // stack repeated on every label would be the heaviest attribute of the overview's drawings.
    'font-weight': block.style.bold && !(kind === 'inline' && block.role === 'label') ? 'bold' : undefined,
    'font-family': block.style.family === 'mono' && kind === 'standalone' ? MONO_FONT : undefined,
    'text-anchor': block.anchor === 'start' ? undefined : block.anchor,
    fill: kind === 'standalone' && muted ? LIGHT.muted : undefined,
  });
  if (block.lines.length === 1) return `<text${head}>${escapeXml(block.lines[0]!)}</text>`;
  const lines = block.lines
    .map(
      (line, index) =>
        `<tspan${attributes({ x: n(anchorX), y: n(baseline + index * block.lineHeight) })}>${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text${head}>${lines}</text>`;
}

const path = (points: readonly Point[]) =>
  `M${points.map((point) => `${n(point.x)} ${n(point.y)}`).join('L')}Z`;

function icon(name: keyof typeof ICON_SHAPES, box: Rect, kind: SvgOptions['kind']): string {
  if (kind === 'inline') {
    return `<use${attributes({
      href: `#pf-icon-${name}`,
      class: 'pf-dg-icon',
      x: n(box.x),
      y: n(box.y),
      width: n(box.width),
      height: n(box.height),
    })}/>`;
  }
  return `<g${attributes({
    transform: `translate(${n(box.x)} ${n(box.y)}) scale(${n(box.width / 24)})`,
    ...ICON_STROKE,
    stroke: LIGHT.text,
  })}>${ICON_SHAPES[name]}</g>`;
}

/** The diagram as an `<svg>` element; for `standalone`, a whole SVG file. */
export function renderDiagramSvg(layout: DiagramLayout, options: SvgOptions): string {
  const { kind, id } = options;
  // Colours as attributes only in the standalone files; on the site diagram.css colours the drawing.
  const paint = (values: Record<string, string>) => (kind === 'standalone' ? values : {});
  const write = (block: TextBlock) => text(block, layout, kind);
  const margin = kind === 'standalone' ? STANDALONE_MARGIN : 0;
  const width = layout.width + 2 * margin;
  const height = layout.height + 2 * margin;
  const parts: string[] = [];

  parts.push(
    `<svg${attributes({
      // HTML places an inline <svg> in the SVG namespace itself; a file needs to say so.
      xmlns: kind === 'standalone' ? 'http://www.w3.org/2000/svg' : undefined,
      viewBox: `${n(-margin)} ${n(-margin)} ${n(width)} ${n(height)}`,
      width: n(width),
      height: n(height),
      role: 'img',
      'aria-labelledby': `${id}-title`,
      'aria-describedby': `${id}-desc`,
      class: kind === 'inline' ? `pf-dg pf-dg-${layout.preset}` : undefined,
      'data-layout': layout.preset,
      // On the site diagram.css sets the drawing's font (INLINE_FONT_SIZE), once for every drawing.
      'font-family': kind === 'standalone' ? SANS_FONT : undefined,
      'font-size':
        kind === 'standalone' || layout.fontSize !== INLINE_FONT_SIZE ? n(layout.fontSize) : undefined,
      ...paint({ fill: LIGHT.text }),
    })}>`,
    `<title id="${escapeXml(id)}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${escapeXml(id)}-desc">${escapeXml(options.description)}</desc>`,
  );
  if (kind === 'standalone') {
    parts.push(rect({ x: -margin, y: -margin, width, height }, { fill: LIGHT.background }));
  }
  if (layout.heading) parts.push(write(layout.heading));

  // The firewall first, so the connections are drawn across it.
  parts.push(
    rect(layout.firewall, {
      class: 'pf-dg-fw',
      ...paint({ 'stroke-width': '1.5' }),
      ...paint({ fill: LIGHT.firewallFill, stroke: LIGHT.firewallStroke }),
    }),
    write(layout.firewallLabel),
  );

  // Boxes before arrows: a narrow drawing writes its labels inside the far boxes.
  for (const site of layout.sites) {
    parts.push(
      `<g${attributes({
        class: 'pf-dg-site',
        'data-rules': site.site.ruleIds.join(' '),
      })}>`,
      rect(site, {
        class: 'pf-dg-box',
        rx: '6',
        ...paint({ fill: LIGHT.boxFill, stroke: LIGHT.boxStroke }),
      }),
      ...site.texts.map((block) =>
        // The reader's instance, which src/client/diagram.ts writes in once the reader gives it,
        // with the width it has in its box.
        kind === 'inline' && block.role === 'host' && block.text === site.site.instance
          ? write(block).replace('<text', `<text data-instance="${n(site.width - 2 * (block.x - site.x))}"`)
          : write(block),
      ),
    );
    for (const device of site.devices) {
      parts.push(
        `<g${attributes({
          class: 'pf-dg-device',
          'data-devices': device.device.id,
          'data-rules': device.device.ruleIds.join(' '),
        })}>`,
        icon(device.device.icon, device.icon, kind),
        write(device.name),
        '</g>',
      );
    }
    parts.push('</g>');
  }

  for (const { connection, x1, x2, y, head, label, title } of layout.connections) {
    // The line stops where the arrowhead starts, so the head's tip stays sharp.
    const outbound = connection.direction === 'outbound';
    const from = outbound ? x1 : head[1].x;
    const to = outbound ? head[1].x : x2;
    parts.push(
      `<g${attributes({
        class: 'pf-dg-conn',
        'data-rules': connection.ruleId,
        'data-devices': connection.deviceIds.join(' '),
      })}>`,
      `<path${attributes({
        class: 'pf-dg-line',
        d: `M${n(from)} ${n(y)}H${n(to)}`,
        ...paint({ 'stroke-width': '1.5' }),
        ...paint({ stroke: LIGHT.line }),
      })}/>`,
      `<path${attributes({ class: 'pf-dg-head', d: path(head), ...paint({ fill: LIGHT.line }) })}/>`,
      write(label),
      title ? write(title) : '',
      '</g>',
    );
  }

  parts.push(...layout.footer.map(write), '</svg>');
  const svg = parts.join('');
  return kind === 'standalone' ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` : svg;
}
