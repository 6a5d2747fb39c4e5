import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { feedContext } from '../../src/lib/feeds/feed-context';
import { buildPortsDocument, renderPortsJson } from '../../src/lib/feeds/ports-document';
import { portsJsonSchema } from '../../src/lib/feeds/ports-schema';
import {
  CSV_COLUMNS,
  type CsvRecord,
  csvField,
  portsCsvRecords,
  renderCsv,
  renderPortsCsv,
} from '../../src/lib/feeds/ports-csv';
import { portListLines, portLists, renderPortList } from '../../src/lib/feeds/ports-text';
import { renderChangelogAtom } from '../../src/lib/feeds/changelog-atom';
import type { Changelog } from '../../src/lib/content/changelog';
import { loadContent, loadGermanContent } from './helpers/load-content';
import { TEST_SITE, loadChangelogContent } from './helpers/load-changelog';

const data = loadContent();
const german = loadGermanContent();
const changelog = loadChangelogContent(data);
const context = feedContext(changelog, TEST_SITE);
const placements = data.deployments.flatMap((deployment) => deployment.placements);

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(portsJsonSchema(TEST_SITE));
}

describe('/ports.json', () => {
  const document = JSON.parse(renderPortsJson(data, german, context)) as ReturnType<
    typeof buildPortsDocument
  >;

  test('validates against the published JSON Schema', () => {
    const validate = validator();
    expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  test.each([
    ['a missing version', (doc: Record<string, unknown>) => delete doc.version],
    ['a version in the wrong format', (doc: Record<string, unknown>) => (doc.version = '2026-11-26')],
    [
      'a port out of range',
      (doc: Record<string, unknown>) =>
        ((doc.rules as { ports: { from: number }[] }[])[0]!.ports[0]!.from = 70000),
    ],
    ['an unknown field', (doc: Record<string, unknown>) => (doc.extra = true)],
    [
      'a rule without its German texts',
      (doc: Record<string, unknown>) => delete (doc.rules as Record<string, unknown>[])[0]!.de,
    ],
    [
      'an empty German purpose',
      (doc: Record<string, unknown>) => ((doc.rules as { de: { purpose: string } }[])[0]!.de.purpose = ''),
    ],
    [
      'a device without its German name',
      (doc: Record<string, unknown>) => delete (doc.devices as { de: { name?: string } }[])[0]!.de.name,
    ],
  ])('the schema rejects %s', (_label, spoil) => {
    const spoiled = structuredClone(document) as unknown as Record<string, unknown>;
    spoil(spoiled);
    expect(validator()(spoiled)).toBe(false);
  });

  test('states the version and date of the newest changelog entry', () => {
    expect(document.version).toBe(changelog.current.version);
    expect(document.updated).toBe(changelog.current.date);
    expect(document.$schema).toBe('https://ports.pascom.example/ports.schema.json');
  });

  test('every rule carries its permanent id and aliases, and one placement per tab it appears in', () => {
    expect(document.rules.map((rule) => rule.id)).toEqual(data.rules.map((rule) => rule.id));
    for (const rule of document.rules) expect(Array.isArray(rule.aliases)).toBe(true);
    expect(document.rules.flatMap((rule) => rule.placements.map((placement) => placement.id)).sort()).toEqual(
      placements.map((placement) => placement.anchor).sort(),
    );
  });

  test('every device, endpoint and rule carries its German texts beside the unchanged English fields', () => {
    const sip = document.rules.find((rule) => rule.id === 'sip-tls')!;
    expect(sip.title).toBe('SIP connection');
    expect(sip.de).toEqual({
      title: german.rules.find((rule) => rule.id === 'sip-tls')!.title,
      purpose: german.rules.find((rule) => rule.id === 'sip-tls')!.purpose,
      ifBlocked: german.rules.find((rule) => rule.id === 'sip-tls')!.ifBlocked,
    });
    expect(sip.de.title).toBe('SIP-Verbindung');
    // A prose text is really German, never the English again.
    for (const rule of document.rules) expect(rule.de.purpose, rule.id).not.toBe(rule.purpose);
    for (const device of document.devices)
      expect(device.de.name).toBe(german.devices.find((d) => d.id === device.id)!.name);
    expect(document.devices.find((device) => device.id === 'phone')!.de.name).not.toBe('IP phone');
    for (const endpoint of document.endpoints) expect(endpoint.de.name.length).toBeGreaterThan(0);
  });

  test('re-reads the shared rules as inbound to your pascom server in the Onsite tab', () => {
    const sip = document.rules.find((rule) => rule.id === 'sip-tls')!;
    expect(sip.placements).toEqual([
      expect.objectContaining({
        id: 'cloud-sip-tls',
        direction: 'outbound',
        source: 'your-network',
        hosts: ['*.pascom.cloud'],
      }),
      expect.objectContaining({
        id: 'onsite-sip-tls',
        direction: 'inbound',
        source: 'internet',
        destinations: ['pascom-server'],
        hosts: [],
      }),
    ]);
  });
});

describe('/ports.csv', () => {
  const csv = renderPortsCsv(data, context);
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

  test('parses back to the same records, one per placement, under a header row', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toEqual(portsCsvRecords(data, context));
    expect(parsed.data).toHaveLength(placements.length);
  });

  test('agrees with the JSON feed on every row', () => {
    const document = buildPortsDocument(data, german, context);
    for (const rule of document.rules) {
      for (const placement of rule.placements) {
        const row = parsed.data.find((candidate) => candidate.id === placement.id);
        expect(row, placement.id).toMatchObject({
          rule: rule.id,
          direction: placement.direction,
          protocols: rule.protocols.join(' '),
          hosts: placement.hosts.join(' '),
        });
      }
    }
  });

  test('ends every line with CRLF and quotes every cell', () => {
    expect(csv.split('\r\n').at(-1)).toBe('');
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    expect(csv).toContain(',"LDAPS, phonebook",');
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.map((column) => `"${column}"`).join(','));
  });

  test.each([
    ['plain', '"plain"'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two lines"'],
    ['two\r\n\r\nbreaks\u2028here', '"two breaks here"'],
    [' padded', '"padded"'],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'=1+1"`],
    ['\r-1', `"'-1"`],
    ['a=1', '"a=1"'],
  ])('csvField(%j) is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('a spreadsheet formula in the content reaches the file only as text', () => {
    const record = Object.fromEntries(CSV_COLUMNS.map((column) => [column, column])) as CsvRecord;
    record.title = '=cmd|" /C calc"!A0';
    record.hosts = '@evil.example';
    const [back] = Papa.parse<Record<string, string>>(renderCsv(CSV_COLUMNS, [record]), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(back?.title).toBe(`'=cmd|" /C calc"!A0`);
    expect(back?.hosts).toBe(`'@evil.example`);
    for (const value of Object.values(back ?? {})) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('awkward values survive a round trip through a CSV parser, line breaks as spaces', () => {
    const record = Object.fromEntries(
      CSV_COLUMNS.map((column) => [column, `"${column}", with\r\nbreaks`]),
    ) as CsvRecord;
    const text = renderCsv(CSV_COLUMNS, [record]);
    expect(text.split('\r\n')).toHaveLength(3);
    const back = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(back.data).toEqual([
      Object.fromEntries(CSV_COLUMNS.map((column) => [column, `"${column}", with breaks`])),
    ]);
  });
});

describe('plain-text lists', () => {
  test('there is one per tab and direction that has rows', () => {
    expect(portLists(data).map((list) => list.path)).toEqual([
      '/ports/cloud-outbound.txt',
      '/ports/onsite-outbound.txt',
      '/ports/onsite-inbound.txt',
    ]);
  });

  test.each([
    [
      'cloud',
      'outbound',
      [
        '5061/tcp *.pascom.cloud',
        '30000-35000/udp *.pascom.cloud',
        '636/tcp *.pascom.cloud',
        '8884/tcp *.pascom.cloud',
        '80/tcp mypascom.net',
        '443/tcp mypascom.net',
        '3478/udp *.pascom.cloud',
        '5222/tcp *.pascom.cloud',
        '19302/udp *.pascom.cloud',
        '19302/tcp *.pascom.cloud',
        '8885/tcp *.pascom.cloud',
      ],
    ],
    [
      'onsite',
      'outbound',
      [
        '80/tcp mypascom.net',
        '443/tcp mypascom.net',
        '25/tcp cloudmx1.pascom.net',
        '25/tcp cloudmx2.pascom.net',
        '123/udp pool.ntp.org',
      ],
    ],
    [
      'onsite',
      'inbound',
      [
        '5061/tcp pascom-server',
        '30000-35000/udp pascom-server',
        '636/tcp pascom-server',
        '8884/tcp pascom-server',
        '3478/udp pascom-server',
        '5222/tcp pascom-server',
        '19302/udp pascom-server',
        '19302/tcp pascom-server',
        '8885/tcp pascom-server',
      ],
    ],
  ] as const)('%s %s lists one "port/protocol destination" per line', (deployment, direction, expected) => {
    expect(portListLines(data, deployment, direction)).toEqual(expected);
  });

  test('comment lines name version and source, and every other line is an entry', () => {
    const text = renderPortList(data, 'onsite', 'inbound', context);
    const lines = text.trimEnd().split('\n');
    const comments = lines.filter((line) => line.startsWith('#'));
    expect(comments.join('\n')).toContain(`# Version: ${context.version} (updated ${context.updated})`);
    expect(comments.join('\n')).toContain('# Source: https://ports.pascom.example/');
    expect(comments.join('\n')).toContain('"pascom-server"');
    expect(lines.slice(comments.length)).toEqual(portListLines(data, 'onsite', 'inbound'));
    expect(lines.slice(0, comments.length).every((line) => line.startsWith('#'))).toBe(true);
  });
  test('line breaks in names and descriptions cannot add a line that opens a port', () => {
    // Content that got past the schema (or a future field without one): every break must stay in its comment.
    const hostile = structuredClone(data);
    const injected = '\n0-65535/tcp evil.example\r\n1-1024/udp evil.example\u2028 2-3/tcp evil.example';
    for (const deployment of hostile.deployments) {
      deployment.name += injected;
      for (const placement of deployment.placements) {
        for (const endpoint of [placement.source, ...placement.destinations]) {
          endpoint.description += injected;
        }
      }
    }
    for (const list of portLists(hostile)) {
      const text = renderPortList(hostile, list.deployment, list.direction, context);
      const lines = text.trimEnd().split(/\r\n|[\n\r\u2028\u2029]/);
      const entries = lines.filter((line) => !line.startsWith('#'));
      expect(entries).toEqual(portListLines(data, list.deployment, list.direction));
      expect(text).toContain('evil.example');
    }
  });
});

describe('/changelog.xml', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['entry', 'link'].includes(name),
  });
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

  interface AtomLink {
    '@rel'?: string;
    '@href': string;
  }
  interface AtomEntry {
    id: string;
    title: string;
    updated: string;
    content: { '#text': string; '@type': string };
    link: AtomLink[];
  }
  interface AtomFeed {
    feed: {
      '@xmlns': string;
      id: string;
      title: string;
      updated: string;
      author: { name: string };
      link: AtomLink[];
      entry: AtomEntry[];
    };
  }

  function parse(xml: string): AtomFeed {
    expect(SyntaxValidator.validate(xml)).toBe(true);
    return parser.parse(xml) as AtomFeed;
  }

  test('is well-formed Atom 1.0 with the required feed and entry elements', () => {
    const { feed } = parse(renderChangelogAtom(changelog, TEST_SITE, 'pascom firewall ports'));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://ports.pascom.example/changelog/');
    expect(feed.title).toBeTruthy();
    expect(feed.updated).toMatch(rfc3339);
    expect(feed.updated.startsWith(changelog.current.date)).toBe(true);
    expect(feed.author.name).toBeTruthy();
    expect(feed.link).toContainEqual(
      expect.objectContaining({ '@rel': 'self', '@href': 'https://ports.pascom.example/changelog.xml' }),
    );
    expect(feed.entry).toHaveLength(changelog.releases.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^https:\/\/ports\.pascom\.example\/changelog\/#v\d{4}\.\d{2}\.\d{2}\.\d+$/);
      expect(entry.title).toContain(changelog.releases[feed.entry.indexOf(entry)]!.version);
      expect(entry.updated).toMatch(rfc3339);
      expect(entry.content['@type']).toBe('html');
      expect(entry.content['#text']).toContain('https://ports.pascom.example/#onsite-ntp-time');
    }
    expect(new Set(feed.entry.map((entry) => entry.id)).size).toBe(feed.entry.length);
  });

  test('escapes markup in summaries, so the feed stays well-formed', () => {
    const hostile: Changelog = {
      current: {
        version: '2026.11.27.1',
        date: '2026-11-27',
        title: 'Fish & <chips>',
        changes: [{ type: 'changed', rules: [{ id: 'x' }], summary: 'a < b && "c"' }],
      },
      releases: [],
    };
    hostile.releases.push(hostile.current);
    const { feed } = parse(renderChangelogAtom(hostile, TEST_SITE, 'Title & co'));
    // After XML decoding the title is the text as written, and the HTML content escapes it once more.
    expect(feed.entry[0]!.title).toBe('2026.11.27.1: Fish & <chips>');
    expect(feed.entry[0]!.content['#text']).toContain('a &lt; b &amp;&amp; &quot;c&quot;');
  });
});
