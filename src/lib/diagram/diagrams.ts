import type { Device } from '../../schemas/device';
import { describeDiagram, diagramModel, type DiagramRow, type DiagramTexts } from './model';
import { layoutDiagram, NARROW, WIDE } from './layout';
import { renderDiagramSvg } from './svg';

/** A diagram as a page shows it: a wide and a narrow drawing of the same model. */
export interface PageDiagram {
  /** For columns of 560 px and more, and for print. */
  wide: string;
  /** For phones. */
  narrow: string;
  /** Arrows drawn: one per rule. */
  connectionCount: number;
  ruleCount: number;
}

/**
 * The inline diagrams of some rows (a tab, or one rule's row in a tab). `id`
 * must be unique on the page; the two drawings add "-wide" and "-narrow".
 */
export function pageDiagram(
  rows: readonly DiagramRow[],
  legend: readonly Device[],
  options: { id: string; title: string; texts: DiagramTexts },
): PageDiagram {
  const model = diagramModel(rows, legend, { instanceHost: options.texts['diagram.instanceHost'] });
  // The table beside the picture names every rule, so the description lists ports alone.
  const description = describeDiagram(model, 'brief', options.texts);
  const render = (preset: typeof WIDE) =>
    renderDiagramSvg(layoutDiagram(model, preset, { firewallName: options.texts['diagram.firewall'] }), {
      kind: 'inline',
      id: `${options.id}-${preset.name}`,
      title: options.title,
      description,
    });
  return {
    wide: render(WIDE),
    narrow: render(NARROW),
    connectionCount: model.connections.length,
    ruleCount: model.ruleCount,
  };
}

/** What a standalone file states besides the picture. */
export interface StandaloneFacts {
  /** e.g. "pascom Cloud: connections through your firewall". */
  heading: string;
  /** Data version, from the changelog. */
  version: string;
  /** Where the full table is, e.g. "https://ports.pascom.example/#cloud". */
  tableUrl: string;
}

/** A self-contained SVG file of some rows, in the wide layout and light colours. */
export function standaloneDiagram(
  rows: readonly DiagramRow[],
  legend: readonly Device[],
  facts: StandaloneFacts,
): string {
  const model = diagramModel(rows, legend);
  const layout = layoutDiagram(model, WIDE, {
    heading: facts.heading,
    notes: ['Each arrow points the way its connection is opened.', `All details: ${facts.tableUrl}`],
    version: `Data version ${facts.version}`,
  });
  return renderDiagramSvg(layout, {
    kind: 'standalone',
    id: 'pf-dg',
    title: facts.heading,
    description: describeDiagram(model),
  });
}
