import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Device } from '../../src/schemas/device';
import type { Endpoint } from '../../src/schemas/endpoint';
import type { Direction, Protocol } from '../../src/schemas/registries';
import { describeDiagram, diagramModel, siteName, type DiagramRow } from '../../src/lib/diagram/model';
import {
  layoutDiagram,
  MIN_FONT_SIZE,
  NARROW,
  WIDE,
  type DiagramLayout,
  type LayoutPreset,
} from '../../src/lib/diagram/layout';
import { INLINE_FONT_SIZE, renderDiagramSvg } from '../../src/lib/diagram/svg';
import { escapeXml } from '../../src/lib/xml';
import { pageDiagram, standaloneDiagram } from '../../src/lib/diagram/diagrams';
import { checkGermanUiTexts } from '../../src/lib/content/ui-texts';
import { UI_TEXTS_EN, type UiTexts } from '../../src/lib/texts';
import {
  MONO_FONT,
  SANS_FONT,
  textWidth,
  wrapText,
  type TextStyle,
} from '../../src/lib/diagram/text-metrics';
import {
  canvasProblems,
  connectionProblems,
  geometryProblems,
  legibilityProblems,
  textCrossingBoxes,
  textCrossingLines,
  textOverlaps,
} from './helpers/diagram-geometry';
import { connectionLine, readDiagramSvg } from './helpers/diagram-reader';
import { loadContent, loadGermanContent } from './helpers/load-content';

// Synthetic data: devices, endpoints and rows shaped like the real ones.
const device = (id: string, name = `Device ${id}`): Device => ({
  id,
  name,
  description: `The ${name}.`,
  icon: (['server', 'desktop', 'mobile', 'phone', 'web'] as const)[id.length % 5]!,
});
const endpoint = (
  id: string,
  name: string,
  hosts: string[] = [],
  kind: Endpoint['kind'] = 'host',
): Endpoint => ({
  id,
  name,
  description: `${name}.`,
  kind,
  hosts,
});
const yourNetwork = endpoint('your-network', 'Your network', [], 'network');
const internet = endpoint('internet', 'Internet', [], 'network');
const cloud = endpoint('pascom-cloud', 'pascom.cloud', ['*.pascom.cloud'], 'pascom-instance');

let ruleNumber = 0;
function row(options: {
  ports?: (number | [number, number])[];
  protocols?: Protocol[];
  devices?: Device[];
  source?: Endpoint;
  destinations?: Endpoint[];
  direction?: Direction;
  title?: string;
}): DiagramRow {
  ruleNumber += 1;
  const direction = options.direction ?? 'outbound';
  return {
    rule: {
      id: `rule-${ruleNumber}`,
      title: options.title ?? `Rule number ${ruleNumber}`,
      ports: (options.ports ?? [5000 + ruleNumber]).map((port) =>
        typeof port === 'number' ? { from: port, to: port } : { from: port[0], to: port[1] },
      ),
      protocols: options.protocols ?? ['tcp'],
      devices: options.devices ?? [device('phone', 'IP phone')],
    },
    source: options.source ?? (direction === 'outbound' ? yourNetwork : internet),
    destinations: options.destinations ?? [direction === 'outbound' ? cloud : yourNetwork],
    direction,
  };
}

const hosts = Array.from({ length: 6 }, (_, index) =>
  endpoint(`host-${index}`, `service${index}.example.net`, [`service${index}.example.net`]),
);
const someDevices = ['server', 'desktop', 'mobile', 'phone', 'web'].map((id) => device(id));
// A hostname of 253 characters, the DNS limit, in labels of 63, the label limit.
const longHost = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
const manyDevices = Array.from({ length: 24 }, (_, index) =>
  device(`device-${index}`, `Device kind number ${index} with a longer name`),
);

const syntheticSets: Record<string, { rows: DiagramRow[]; legend: Device[] }> = {
  'one rule': { rows: [row({})], legend: someDevices },
  '30 rules': {
    rows: Array.from({ length: 30 }, (_, index) =>
      row({
        direction: index % 4 === 3 ? 'inbound' : 'outbound',
        destinations:
          index % 4 === 3 ? [yourNetwork] : index % 7 === 0 ? [hosts[0]!, hosts[1]!] : [hosts[index % 6]!],
        ports: index % 5 === 0 ? [80, 443, 8080, 8443, [10000, 20000]] : [[30000 + index, 35000 + index]],
        protocols: index % 3 === 0 ? ['udp', 'tcp'] : ['udp'],
        devices: someDevices.slice(0, (index % 5) + 1),
        title:
          index % 2 === 0
            ? `A rule with a title long enough to wrap over two or three lines, number ${index}`
            : `Rule ${index}`,
      }),
    ),
    legend: someDevices,
  },
  'long hostnames and names': {
    rows: [
      row({
        destinations: [
          endpoint('long', `A destination whose name is sixty characters long, more or less`, [longHost]),
        ],
        devices: [device('long-device', 'A device kind with a name of nearly sixty characters in all')],
        title: 'A rule title that uses up the whole length of eighty characters allowed for it!!',
      }),
      row({ destinations: [endpoint('long-2', longHost, [longHost, `x.${longHost.slice(2)}`])] }),
      row({
        direction: 'inbound',
        source: endpoint('far', `Devices on a network named ${'z'.repeat(33)}`, [], 'network'),
      }),
    ],
    legend: [],
  },
  'many devices': {
    rows: [
      row({ devices: manyDevices }),
      row({ devices: manyDevices.slice(0, 12), destinations: [hosts[2]!] }),
      row({ direction: 'inbound', devices: manyDevices }),
    ],
    legend: manyDevices,
  },
  'two networks behind the firewall': {
    rows: [
      row({}),
      row({ source: endpoint('branch', 'Branch office', [], 'network'), destinations: [cloud, hosts[3]!] }),
      row({ direction: 'inbound', destinations: [endpoint('branch', 'Branch office', [], 'network')] }),
    ],
    legend: someDevices,
  },
};

const data = loadContent();
interface DiagramSet {
  rows: DiagramRow[];
  legend: Device[];
}
const realSets: Record<string, DiagramSet> = Object.fromEntries([
  ...data.deployments.map((deployment): [string, DiagramSet] => [
    `the ${deployment.name} tab`,
    { rows: deployment.placements, legend: data.devices },
  ]),
  ...data.deployments.flatMap((deployment) =>
    deployment.placements.map((placement): [string, DiagramSet] => [
      `rule ${placement.rule.id} in ${deployment.name}`,
      { rows: [placement], legend: placement.rule.devices },
    ]),
  ),
]);

const presets: LayoutPreset[] = [WIDE, NARROW];
const standaloneOptions = {
  heading: 'pascom Cloud: connections through your firewall',
  notes: [
    'Each arrow points the way its connection is opened.',
    'All details: https://ports.pascom.example/#cloud',
  ],
  version: 'Data version 2025.06.01.1',
};

describe('text widths', () => {
  const sans: TextStyle = { family: 'sans', bold: false, size: 12 };
  test('grow with the text, and a wide letter counts more than a narrow one', () => {
    expect(textWidth('mmmm', sans)).toBeGreaterThan(textWidth('iiii', sans));
    expect(textWidth('abc', { ...sans, size: 24 })).toBeCloseTo(2 * textWidth('abc', sans));
    // Letters outside the table are counted as wide as the widest.
    expect(textWidth('ü', sans)).toBeGreaterThanOrEqual(textWidth('m', sans));
  });

  test('wrapping keeps every line within the width and loses no character', () => {
    for (const text of ['Updates, push, fax, voicemail, recordings', longHost, '30000-35000/UDP', 'x']) {
      for (const width of [40, 90, 200]) {
        const lines = wrapText(text, width, sans);
        for (const line of lines) {
          // A single character wider than the line is the one thing that cannot fit.
          if (line.length > 1) expect(textWidth(line, sans)).toBeLessThanOrEqual(width);
        }
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }
    }
  });

  test('a dot never stands alone on a line', () => {
    for (const width of [60, 90, 130, 168, 200]) {
      for (const line of wrapText(longHost, width, sans)) expect(line).not.toMatch(/^[.,/+-]+$/);
    }
  });

  test('a hostname stays whole where it fits, and breaks after a dot only where it cannot', () => {
    expect(wrapText('cloudmx1.pascom.net', 160, sans, 'spaces')).toEqual(['cloudmx1.pascom.net']);
    expect(wrapText('<your-instance>.pascom.cloud', 210, sans, 'spaces')).toEqual([
      '<your-instance>.pascom.cloud',
    ]);
    // Names break at their spaces alone, never at a hyphen.
    expect(wrapText('Access to the mail servers', 120, sans, 'spaces')).toEqual([
      'Access to the mail',
      'servers',
    ]);
  });

  test('hostnames break after a dot, port lists after a comma or slash', () => {
    expect(wrapText('cloudmx1.pascom.net', 80, sans)).toEqual(['cloudmx1.', 'pascom.net']);
    expect(wrapText('80,443/TCP', 40, { family: 'mono', bold: true, size: 12 })).toEqual([
      '80,',
      '443/',
      'TCP',
    ]);
  });
});

describe('the diagram model', () => {
  const cloudTab = diagramModel(data.deployments[0]!.placements, data.devices);
  const onsiteTab = diagramModel(data.deployments[1]!.placements, data.devices);

  test('draws one connection per rule, labelled by ports and protocols', () => {
    expect(cloudTab.connections).toHaveLength(9);
    expect(cloudTab.connections.map((connection) => connection.label)).toContain('30000-35000/UDP');
    expect(cloudTab.connections.map((connection) => connection.label)).toContain('80,443/TCP');
    expect(cloudTab.connections.map((connection) => connection.label)).toContain('19302/UDP+TCP');
    // The mail relay reaches two servers: one arrow, to one box naming both.
    const mail = onsiteTab.connections.filter((connection) => connection.ruleId === 'mail-relay');
    expect(mail).toHaveLength(1);
    const mailBox = onsiteTab.outside.find((site) => site.key === mail[0]!.outsideKey)!;
    expect(mailBox.names).toEqual(['cloudmx1.pascom.net', 'cloudmx2.pascom.net']);
    expect(siteName(mailBox)).toBe('cloudmx1.pascom.net and cloudmx2.pascom.net');
    for (const connection of [...cloudTab.connections, ...onsiteTab.connections])
      expect(connection.label).not.toMatch(/\s/);
  });

  test('puts devices where their connections start', () => {
    expect(cloudTab.inside.map((site) => site.names)).toEqual([['Your network']]);
    const internetBox = onsiteTab.outside.find((site) => site.endpointIds.join() === 'internet')!;
    // Remote devices reach the pascom server from the internet: they sit in the Internet box.
    expect(internetBox.devices.map((entry) => entry.id)).toEqual([
      'server',
      'desktop',
      'mobile',
      'phone',
      'web',
    ]);
    expect(internetBox.devices.find((entry) => entry.id === 'phone')!.ruleIds).toEqual([
      'sip-tls',
      'rtp-voice',
      'ldaps-phonebook',
      'phone-provisioning',
    ]);
  });

  test('describes the picture in words, with every connection', () => {
    const description = describeDiagram(onsiteTab);
    expect(description).toContain('connects out to pool.ntp.org on 123/UDP (Time server (NTP))');
    expect(description).toContain('is reached from Internet (');
    expect(description).toContain('connects out to cloudmx1.pascom.net and cloudmx2.pascom.net on 25/TCP');
    expect(description).toContain('12 connections in all');
  });

  test('changes with the data alone: one more rule, one more arrow', () => {
    const grown = diagramModel(
      [...data.deployments[0]!.placements, row({ destinations: [hosts[0]!] })],
      data.devices,
    );
    expect(grown.connections).toHaveLength(10);
    expect(grown.outside.map((site) => siteName(site))).toContain('service0.example.net');
  });
});

describe('the layout', () => {
  const cases = Object.entries({ ...realSets, ...syntheticSets }).flatMap(([name, set]) =>
    presets.map((preset) => ({ name: `${name}, ${preset.name}`, set, preset })),
  );

  test.each(cases)('has no overlaps, every label and well-formed SVG: $name', ({ set, preset }) => {
    const model = diagramModel(set.rows, set.legend);
    for (const options of preset === WIDE ? [{}, standaloneOptions] : [{}]) {
      const layout = layoutDiagram(model, preset, options);
      expect(geometryProblems(layout, model)).toEqual([]);
      expect(layout.width).toBe(preset.width);
      for (const kind of ['inline', 'standalone'] as const) {
        const svg = renderDiagramSvg(layout, {
          kind,
          id: 'test',
          title: 'A <title> & more',
          description: 'd',
        });
        const read = readDiagramSvg(svg);
        // What the drawing shows, read from its geometry, is the model's connections.
        const nameOf = (key: string) =>
          siteName([...model.inside, ...model.outside].find((site) => site.key === key)!);
        expect(read.connections.map(connectionLine).sort()).toEqual(
          model.connections
            .map((connection) =>
              connectionLine({
                label: connection.label,
                direction: connection.direction,
                near: nameOf(connection.insideKey),
                far: nameOf(connection.outsideKey),
              }),
            )
            .sort(),
        );
        expect(read.title).toBe('A <title> & more');
      }
    }
  });

  test('the real tabs fit the narrow layout without wrapping a port label', () => {
    for (const deployment of data.deployments) {
      const layout = layoutDiagram(diagramModel(deployment.placements, data.devices), NARROW);
      for (const connection of layout.connections) expect(connection.label.lines).toHaveLength(1);
    }
  });
});

const editions = [
  { lang: 'en', data, texts: UI_TEXTS_EN },
  {
    lang: 'de',
    data: loadGermanContent(),
    texts: checkGermanUiTexts(readFileSync('content/de/ui.yaml', 'utf8'), 'content/de/ui.yaml').texts,
  },
] as const satisfies readonly { lang: string; data: typeof data; texts: UiTexts }[];

describe('what a reader sees, in English and German', () => {
  test.each(editions)(
    'each tab draws one arrow per rule, as many as its table has rows ($lang)',
    (edition) => {
      for (const deployment of edition.data.deployments) {
        const rules = new Set(deployment.placements.map((placement) => placement.rule.id));
        const drawn = pageDiagram(deployment.placements, edition.data.devices, {
          id: deployment.id,
          title: deployment.name,
          texts: edition.texts,
        });
        expect(drawn.connectionCount, deployment.id).toBe(rules.size);
        expect(drawn.ruleCount, deployment.id).toBe(rules.size);
        // The caption's count is the table's: Onsite 12, not 13 with the mail relay drawn twice.
        const model = diagramModel(deployment.placements, edition.data.devices);
        expect(new Set(model.connections.map((connection) => connection.ruleId)).size).toBe(
          model.connections.length,
        );
      }
    },
  );

  test.each(editions)('names the reader’s instance as the tables do, never a wildcard ($lang)', (edition) => {
    const cloudTab = diagramModel(edition.data.deployments[0]!.placements, edition.data.devices, {
      instanceHost: edition.texts['diagram.instanceHost'],
    });
    const hosts = cloudTab.outside.flatMap((site) => site.hosts);
    expect(hosts).toContain(
      edition.lang === 'en' ? '<your-instance>.pascom.cloud' : '<ihre-instanz>.pascom.cloud',
    );
    expect(hosts.join(' ')).not.toContain('*');
    // The page writes the reader's instance there: the text is marked with the width its box has.
    for (const preset of presets) {
      const layout = layoutDiagram(cloudTab, preset);
      const svg = renderDiagramSvg(layout, { kind: 'inline', id: 'x', title: 't', description: 'd' });
      const box = layout.sites.find((site) => site.site.instance !== undefined)!;
      const marked = [...svg.matchAll(/<text data-instance="([\d.]+)"[^>]*>([^<]*)</g)];
      expect(marked.map((match) => match[2])).toEqual([escapeXml(box.site.instance!)]);
      expect(Number(marked[0]![1])).toBe(box.width - 2 * preset.padding);
    }
  });

  const realCases = editions.flatMap((edition) => {
    const sets: [string, DiagramSet][] = [
      ...edition.data.deployments.map((deployment): [string, DiagramSet] => [
        deployment.id,
        { rows: deployment.placements, legend: edition.data.devices },
      ]),
      ...edition.data.deployments.flatMap((deployment) =>
        deployment.placements.map((placement): [string, DiagramSet] => [
          `${placement.rule.id} in ${deployment.id}`,
          { rows: [placement], legend: placement.rule.devices },
        ]),
      ),
    ];
    return sets.flatMap(([name, set]) =>
      presets.map((preset) => ({ name: `${edition.lang}: ${name}, ${preset.name}`, edition, set, preset })),
    );
  });

  test.each(realCases)(
    'text of 12 px or more, hostnames whole, labels within their box: $name',
    ({ edition, set, preset }) => {
      const model = diagramModel(set.rows, set.legend, {
        instanceHost: edition.texts['diagram.instanceHost'],
      });
      const layout = layoutDiagram(model, preset, { firewallName: edition.texts['diagram.firewall'] });
      expect(legibilityProblems(layout, MIN_FONT_SIZE)).toEqual([]);
      expect(geometryProblems(layout, model)).toEqual([]);
    },
  );
});

describe('the checks catch planted faults', () => {
  const model = diagramModel(data.deployments[1]!.placements, data.devices);
  const fresh = (): DiagramLayout => layoutDiagram(model, WIDE, standaloneOptions);

  test('a healthy layout passes every check', () => {
    expect(geometryProblems(fresh(), model)).toEqual([]);
    expect(legibilityProblems(fresh(), MIN_FONT_SIZE)).toEqual([]);
  });

  test('small text, a split hostname or port label, and a label wider than its box are caught', () => {
    // The narrow drawing's far boxes as narrow as before (96 px), with 11 px text.
    const cramped: LayoutPreset = { ...NARROW, smallSize: 11, insideWidth: 92, outsideWidth: 96 };
    const problems = legibilityProblems(layoutDiagram(model, cramped), MIN_FONT_SIZE).join('\n');
    expect(problems).toContain('device "IP phone" is 11 px, under 12');
    expect(problems).toContain('site-name "cloudmx1.pascom.net" is split over 2 lines');
    expect(problems).toContain('label "30000-35000/UDP" is split over 2 lines');
    const wide = fresh();
    wide.connections[0]!.label.width = 400;
    expect(legibilityProblems(wide, MIN_FONT_SIZE).join('\n')).toContain('is wider than the');
  });

  test('a label moved onto the next lane overlaps its label and crosses its line', () => {
    const layout = fresh();
    const [first, second] = layout.connections;
    first!.label.y = second!.label.y;
    expect(textOverlaps(layout).join('\n')).toContain('label "80,443/TCP" overlaps label "25/TCP"');
    const moved = fresh();
    moved.connections[0]!.label.y = moved.connections[0]!.y - 2;
    expect(textCrossingLines(moved).join('\n')).toContain('lies on the line of "80,443/TCP"');
  });

  test('a label pushed into a box or onto the firewall crosses it', () => {
    const intoBox = fresh();
    intoBox.connections[0]!.label.x = intoBox.connections[0]!.x2 - 5;
    expect(textCrossingBoxes(intoBox).join('\n')).toContain('crosses the box "mypascom.net"');
    const ontoFirewall = fresh();
    ontoFirewall.connections[3]!.label.x = ontoFirewall.firewall.x - 2;
    expect(textCrossingBoxes(ontoFirewall).join('\n')).toContain('crosses the firewall');
  });

  test("a box's name sticking out of its box is caught", () => {
    const layout = fresh();
    layout.sites[0]!.texts[0]!.width = layout.sites[0]!.width;
    expect(textCrossingBoxes(layout).join('\n')).toContain('sticks out of the box');
  });

  test('a lost, wrong or reversed label or arrow is caught', () => {
    const lost = fresh();
    lost.connections.pop();
    expect(connectionProblems(lost, model).join('\n')).toMatch(/is drawn 0 times/);
    const wrong = fresh();
    wrong.connections.find((drawn) => drawn.label.lines.join() === '123/UDP')!.label.lines = ['123/TCP'];
    expect(connectionProblems(wrong, model).join('\n')).toContain('is labelled "123/TCP", not "123/UDP"');
    const reversed = fresh();
    const connection = reversed.connections[0]!;
    connection.head[0] = { x: connection.x1, y: connection.y };
    expect(connectionProblems(reversed, model).join('\n')).toContain('does not point outbound');
    const detached = fresh();
    detached.connections[0]!.x2 -= 30;
    expect(connectionProblems(detached, model).join('\n')).toContain('does not end at its far box');
  });

  test('text or a box off the canvas is caught', () => {
    const layout = fresh();
    layout.footer.at(-1)!.x = layout.width - 10;
    layout.sites[1]!.height += layout.height;
    const problems = canvasProblems(layout).join('\n');
    expect(problems).toContain('version "Data version 2025.06.01.1" runs off the canvas');
    expect(problems).toContain('runs off the canvas');
    expect(problems).toContain('overlap');
  });

  test('the SVG reader rejects markup that is not well-formed and sees a reversed arrow', () => {
    const layout = fresh();
    const svg = renderDiagramSvg(layout, { kind: 'standalone', id: 'x', title: 't', description: 'd' });
    expect(() => readDiagramSvg(svg.replace('</desc>', '</des>'))).toThrow(/not well-formed/);
    expect(() => readDiagramSvg(svg.replace('>Your network<', '>Your & network<'))).toThrow(
      /not well-formed/,
    );
    // The first connection, outbound in the data, drawn as if it were inbound.
    const connection = layout.connections[0]!;
    connection.connection = { ...connection.connection, direction: 'inbound' };
    connection.head = [
      { x: connection.x1, y: connection.y },
      { x: connection.x1 + 9, y: connection.y - 4.5 },
      { x: connection.x1 + 9, y: connection.y + 4.5 },
    ];
    const reversed = readDiagramSvg(
      renderDiagramSvg(layout, { kind: 'inline', id: 'x', title: 't', description: 'd' }),
    );
    expect(reversed.connections[0]).toEqual({
      label: '80,443/TCP',
      near: 'Your pascom server',
      far: 'mypascom.net',
      direction: 'inbound',
    });
  });
});

describe('the standalone file', () => {
  const svg = standaloneDiagram(data.deployments[0]!.placements, data.devices, {
    heading: 'pascom Cloud: connections through your firewall',
    version: '2025.06.01.1',
    tableUrl: 'https://ports.pascom.example/#cloud',
  });

  test('is self-contained: no references, scripts, styles or links', () => {
    expect(svg).not.toMatch(/\b(href|src)=/);
    expect(svg).not.toMatch(/<(script|style|use|image|foreignObject|a)\b/i);
    expect(svg).not.toMatch(/url\(/);
    expect(svg).not.toMatch(/\son\w+=/);
    // The icons are drawn in the file itself.
    expect(svg).toContain('<rect x="3" y="3" width="18" height="7" rx="1.5"/>');
  });

  test('states its data version in a corner and is accepted by xmllint', () => {
    const read = readDiagramSvg(svg);
    expect(read.texts).toContain('Data version 2025.06.01.1');
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: svg, encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    const broken = spawnSync('xmllint', ['--noout', '-'], {
      input: svg.replace('</svg>', ''),
      encoding: 'utf8',
    });
    expect(broken.status).not.toBe(0);
  });
});

describe('the site stylesheet', () => {
  test('sets the port labels in the font their widths were measured in', () => {
    // On the site the labels take their font from diagram.css, not from the SVG.
    const css = readFileSync('src/styles/diagram.css', 'utf8');
    const rule = /\.pf-dg-conn > text:first-of-type\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toContain(`font-family: ${MONO_FONT};`);
    expect(rule).toContain('font-weight: bold;');
  });

  test('gives the drawings the font and size their text was measured in', () => {
    // The inline drawings leave their font to diagram.css, so it must be the measured one.
    const css = readFileSync('src/styles/diagram.css', 'utf8');
    const rule = (/\.pf-dg\s*\{([^}]*)\}/.exec(css)?.[1] ?? '').replace(/\s+/g, ' ');
    expect(rule).toContain(`font: ${INLINE_FONT_SIZE}px ${SANS_FONT};`);
    for (const preset of presets) {
      const layout = layoutDiagram(diagramModel(data.deployments[0]!.placements, data.devices), preset);
      const svg = renderDiagramSvg(layout, { kind: 'inline', id: 'x', title: 't', description: 'd' });
      // A drawing whose most common size differed would state it on its <svg>.
      expect(layout.fontSize === INLINE_FONT_SIZE).toBe(!/<svg[^>]*font-size=/.test(svg));
    }
  });
});

describe('a model with no rows', () => {
  test('is refused rather than drawn empty', () => {
    expect(() => diagramModel([], [])).toThrow(/at least one row/);
  });
});
