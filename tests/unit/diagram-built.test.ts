import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { connectionLine, readDiagramSvg, type ReadConnection } from './helpers/diagram-reader';
import { DIST } from './helpers/dist-site';
import { loadContent } from './helpers/load-content';
import { loadChangelogContent } from './helpers/load-changelog';

/**
 * The diagrams of the built site say what the tables beside them say: every
 * connection is read back out of the drawn SVG (label, the boxes at its ends,
 * the way its arrow points) and compared with the rows of the same tab, or with
 * the facts of the same rule page, read out of the built HTML.
 */

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    yield child;
    yield* elements(child);
  }
}

const attribute = (element: Element, name: string) =>
  element.attrs.find((candidate) => candidate.name === name)?.value;
const hasClass = (element: Element, name: string) =>
  (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
const textOf = (node: ParentNode): string =>
  node.childNodes
    .map((child) => ('value' in child ? child.value : 'tagName' in child ? textOf(child) : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
/** The text directly inside an element, without that of its children (a target's name without its footnote mark). */
const ownText = (element: Element) =>
  element.childNodes
    .map((child) => (child.nodeName === '#text' && 'value' in child ? child.value : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

interface BuiltPage {
  html: string;
  root: ParentNode;
}

function readBuilt(path: string): BuiltPage {
  const file = join(DIST, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npx astro build\` before these tests.`);
  const html = readFileSync(file, 'utf8');
  return { html, root: parse(html, { sourceCodeLocationInfo: true }) };
}

/** The diagrams inside an element, as the markup the build wrote, by layout. */
function diagramsIn(page: BuiltPage, scope: Element): Map<string, string> {
  const found = new Map<string, string>();
  for (const svg of elements(scope)) {
    if (svg.tagName !== 'svg' || !hasClass(svg, 'pf-dg')) continue;
    const location = svg.sourceCodeLocation!;
    found.set(attribute(svg, 'data-layout')!, page.html.slice(location.startOffset, location.endOffset));
  }
  return found;
}

const byId = (root: ParentNode, id: string) => {
  const element = [...elements(root)].find((candidate) => attribute(candidate, 'id') === id);
  if (!element) throw new Error(`No element #${id}`);
  return element;
};

const direction = (label: string): ReadConnection['direction'] =>
  label.startsWith('Outbound') ? 'outbound' : label.startsWith('Inbound') ? 'inbound' : 'unclear';

/**
 * The connection a table row stands for, in the words of the diagram: one arrow per
 * rule, its several targets named together in one box ("a and b").
 */
function rowConnections(ports: string, protocols: string, source: string, targets: string[], way: string) {
  const label = `${ports.replaceAll(', ', ',')}/${protocols.replaceAll(' + ', '+')}`;
  const target =
    targets.length <= 1 ? (targets[0] ?? '') : `${targets.slice(0, -1).join(', ')} and ${targets.at(-1)!}`;
  return [
    connectionLine({
      label,
      direction: direction(way),
      near: direction(way) === 'outbound' ? source : target,
      far: direction(way) === 'outbound' ? target : source,
    }),
  ];
}

const data = loadContent();

/**
 * A target as the row names it: its text without the note on port forwarding. The reader's
 * instance (`<your-instance>.pascom.cloud`) stands in the diagram as the box of its domain.
 */
function targetName(item: Element): string {
  const instance = [...elements(item)].find((element) => hasClass(element, 'pf-instance'));
  if (instance) return attribute(instance, 'data-instance-domain')!;
  return item.childNodes
    .map((child) =>
      'value' in child
        ? child.value
        : 'tagName' in child && !hasClass(child, 'pf-target-note')
          ? textOf(child)
          : '',
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every connection the tables of a tab list, read from the built overview. A row states its
 * ports, protocols and targets; source and direction are said once per table (in its heading),
 * so they are taken from the row's direction mark and the tab's data.
 */
function tableConnections(panel: Element, deployment: string): string[] {
  const sources = new Map(
    data.deployments
      .find((candidate) => candidate.id === deployment)!
      .placements.map((placement) => [placement.rule.id, placement.source.name]),
  );
  return [...elements(panel)]
    .filter((element) => element.tagName === 'tr' && attribute(element, 'data-rule') !== undefined)
    .flatMap((row) => {
      const cells = [...elements(row)].filter((element) => element.tagName === 'td');
      const [portsText = '', protocolsText = ''] = textOf(cells[0]!)
        .replace(/\s*\/\s*/, '/')
        .split('/');
      const targets = [...elements(cells[3]!)].filter((element) => element.tagName === 'li').map(targetName);
      const way = attribute(row, 'data-direction') === 'inbound' ? 'Inbound' : 'Outbound';
      return rowConnections(
        portsText,
        protocolsText,
        sources.get(attribute(row, 'data-rule')!)!,
        targets,
        way,
      );
    })
    .sort();
}

const overview = readBuilt('/');

describe('the diagrams on the port overview', () => {
  test.each(data.deployments.map((deployment) => deployment.id))(
    'the %s tab opens with a diagram of exactly its table rows, in both layouts',
    (id) => {
      const panel = byId(overview.root, id);
      const expected = tableConnections(panel, id);
      expect(expected.length).toBeGreaterThan(0);
      // One arrow per rule: the diagram counts what the table counts.
      const rules = [...elements(panel)].filter(
        (element) => element.tagName === 'tr' && attribute(element, 'data-rule') !== undefined,
      );
      expect(expected).toHaveLength(rules.length);
      const diagrams = diagramsIn(overview, panel);
      expect([...diagrams.keys()].sort()).toEqual(['narrow', 'wide']);
      for (const svg of diagrams.values()) {
        const read = readDiagramSvg(svg);
        expect(read.connections.map(connectionLine).sort()).toEqual(expected);
        expect(read.title).toMatch(/^Network diagram of pascom /);
        expect(read.description).toContain(`${expected.length} connections in all`);
      }
      // After the tables, which answer first: the picture explains them.
      const figure = [...elements(panel)].find((element) => hasClass(element, 'pf-diagram'))!;
      const tables = [...elements(panel)].filter((element) => element.tagName === 'table');
      expect(figure.sourceCodeLocation!.startOffset).toBeGreaterThan(
        tables.at(-1)!.sourceCodeLocation!.startOffset,
      );
      // The caption states the count a reader can check against the picture.
      expect(textOf(figure)).toContain(`${expected.length} connections`);
    },
  );

  test('a planted fault in the drawing is caught: one arrow turned round', () => {
    const panel = byId(overview.root, 'onsite');
    const svg = diagramsIn(overview, panel).get('wide')!;
    // The first arrowhead of the tab, mirrored onto the other end of its line.
    const head = /<path class="pf-dg-head" d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)Z"/.exec(
      svg,
    )!;
    const line = /<path class="pf-dg-line" d="M([\d.]+) ([\d.]+)H([\d.]+)"/.exec(svg)!;
    const [tipX, baseX, y, start] = [Number(head[1]), Number(head[3]), Number(head[2]), Number(line[1])];
    const reversed = svg.replace(
      head[0],
      `<path class="pf-dg-head" d="M${start} ${y}L${start + (tipX - baseX)} ${y - 4.5}L${start + (tipX - baseX)} ${y + 4.5}Z"`,
    );
    expect(readDiagramSvg(reversed).connections.map(connectionLine).sort()).not.toEqual(
      tableConnections(panel, 'onsite'),
    );
  });

  test('every connection and device carries the rule and device ids it stands for', () => {
    const panel = byId(overview.root, 'cloud');
    const svg = diagramsIn(overview, panel).get('wide')!;
    expect(svg).toContain('class="pf-dg-conn" data-rules="sip-tls" data-devices="desktop phone mobile"');
    expect(svg).toMatch(
      /class="pf-dg-device" data-devices="phone" data-rules="sip-tls rtp-voice ldaps-phonebook phone-provisioning"/,
    );
  });

  test('links each tab to its standalone file', () => {
    for (const id of ['cloud', 'onsite']) {
      const links = [...elements(byId(overview.root, id))].filter(
        (element) => element.tagName === 'a' && attribute(element, 'href') === `/diagrams/${id}.svg`,
      );
      expect(links).toHaveLength(1);
    }
  });
});

describe('the diagram on each rule page', () => {
  test.each(data.rules.map((rule) => rule.id))('/rules/%s/ draws the rule in each of its tabs', (ruleId) => {
    const page = readBuilt(`/rules/${ruleId}/`);
    const facts = (scope: ParentNode) =>
      new Map(
        [...elements(scope)]
          .filter((element) => element.tagName === 'dt')
          .map((term) => {
            const definition = term.parentNode!.childNodes.find(
              (child): child is Element => 'tagName' in child && child.tagName === 'dd',
            )!;
            return [textOf(term), definition] as const;
          }),
      );
    const main = [...elements(page.root)].find((element) => element.tagName === 'main')!;
    const ruleFacts = facts(main);
    const sections = [...elements(main)].filter(
      (element) =>
        element.tagName === 'section' && (attribute(element, 'aria-labelledby') ?? '').startsWith('in-'),
    );
    const rule = data.rules.find((candidate) => candidate.id === ruleId)!;
    expect(sections).toHaveLength(rule.deployments.length);
    for (const section of sections) {
      const sectionFacts = facts(section);
      const targets = [...elements(sectionFacts.get('Target')!)]
        .filter((element) => element.tagName === 'li')
        .map(ownText);
      const expected = rowConnections(
        textOf(ruleFacts.get('Ports')!),
        textOf(ruleFacts.get('Protocols')!),
        textOf(sectionFacts.get('Source')!),
        targets,
        textOf(sectionFacts.get('Direction')!),
      ).sort();
      const diagrams = diagramsIn(page, section);
      expect([...diagrams.keys()].sort()).toEqual(['narrow', 'wide']);
      for (const svg of diagrams.values())
        expect(readDiagramSvg(svg).connections.map(connectionLine).sort()).toEqual(expected);
    }
  });
});

describe('the standalone files', () => {
  const version = loadChangelogContent(data).current.version;

  test.each(data.deployments.map((deployment) => deployment.id))(
    '/diagrams/%s.svg draws the tab, states the data version and is well-formed',
    (id) => {
      const file = join(DIST, 'diagrams', `${id}.svg`);
      const svg = readFileSync(file, 'utf8');
      const read = readDiagramSvg(svg);
      expect(read.connections.map(connectionLine).sort()).toEqual(
        tableConnections(byId(overview.root, id), id),
      );
      expect(read.texts).toContain(`Data version ${version}`);
      // Self-contained: it refers to nothing and runs nothing.
      expect(svg).not.toMatch(/\b(href|src)=|<(script|style|use|image|foreignObject|a)\b|url\(/i);
      const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
      expect(lint.status, lint.stderr).toBe(0);
    },
  );
});
