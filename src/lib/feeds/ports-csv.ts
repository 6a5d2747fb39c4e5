import type { PortData } from '../model';
import { absoluteUrl, rowUrl } from '../url/link-scheme';
import type { FeedContext } from './feed-context';
import { oneLine } from './one-line';
import { hostsOf } from './ports-document';
import { formatPortList } from '../ports';

/** Columns of /ports.csv, in order; the header row names them. Lists inside a cell are separated by spaces. */
export const CSV_COLUMNS = [
  'id',
  'rule',
  'aliases',
  'deployment',
  'direction',
  'ports',
  'protocols',
  'title',
  'devices',
  'source',
  'destinations',
  'hosts',
  'url',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string>;

/** One record per placement (rule and tab), in tab order and table order. */
export function portsCsvRecords(data: PortData, context: FeedContext): CsvRecord[] {
  return data.deployments.flatMap((deployment) =>
    deployment.placements.map((placement) => ({
      id: placement.anchor,
      rule: placement.rule.id,
      aliases: placement.rule.aliases.join(' '),
      deployment: placement.deployment,
      direction: placement.direction,
      ports: formatPortList(placement.rule.ports, ' '),
      protocols: placement.rule.protocols.join(' '),
      title: placement.rule.title,
      devices: placement.rule.devices.map((device) => device.id).join(' '),
      source: placement.source.id,
      destinations: placement.destinations.map((endpoint) => endpoint.id).join(' '),
      hosts: hostsOf(placement.destinations).join(' '),
      url: absoluteUrl(rowUrl(placement.deployment, placement.rule.id), context.site),
    })),
  );
}

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and
 * carriage return, hide where one starts). OWASP's advice on CSV injection:
 * prefix such a cell with a single quote, so it is shown as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as the CSV writes it: flattened to one line, prefixed with a single
 * quote when it would start a formula, and always quoted with double quotes
 * doubled (RFC 4180), so a spreadsheet never evaluates content and a line-based
 * reader never sees a record split across lines.
 */
export function csvField(value: string): string {
  const flat = oneLine(value);
  const safe = FORMULA_START.test(flat) ? `'${flat}` : flat;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The whole file: header row, then one row per record, every line ending in CRLF (RFC 4180). */
export function renderCsv(columns: readonly CsvColumn[], records: readonly CsvRecord[]): string {
  const lines = [columns, ...records.map((record) => columns.map((column) => record[column]))];
  return lines.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

/** /ports.csv: one row per rule and tab. The data version is in the JSON feed and the changelog. */
export function renderPortsCsv(data: PortData, context: FeedContext): string {
  return renderCsv(CSV_COLUMNS, portsCsvRecords(data, context));
}
