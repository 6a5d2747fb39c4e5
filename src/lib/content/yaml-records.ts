import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError, describeProblem, formatFieldPath } from './content-error';

/** A validated record from a YAML list, with its id and where it stood in the file. */
export interface YamlRecord<T> {
  id: string;
  /** Zero-based index in the file; the order editors wrote the entries in. */
  position: number;
  /** The entry before validation, as the editor wrote it. */
  raw: Record<string, unknown>;
  data: T;
}

export interface ParseOptions<S extends z.ZodType> {
  /** File name used in messages, relative to the project, e.g. "content/rules.yaml". */
  file: string;
  /** What an entry of this file is called in messages, e.g. "rule". */
  entryLabel: string;
  schema: S;
}

/**
 * Parses a YAML file that holds a list of records with an `id` each and checks
 * every record against `schema`. Unlike Astro's stock `file()` loader, nothing is
 * skipped: a syntax error, a missing or repeated id or a schema violation throws
 * a {@link ContentError} listing every problem, so the build stops.
 */
export function parseYamlRecords<S extends z.ZodType>(
  text: string,
  { file, entryLabel, schema }: ParseOptions<S>,
): YamlRecord<z.infer<S>>[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };

  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const line = error.linePos?.[0].line;
      const where = locateOffset(document, error.pos[0]);
      // Only a repeated key points at a key; after other errors the tree around the spot is a guess.
      const field = error.code === 'DUPLICATE_KEY' ? where?.field : undefined;
      return describeProblem(
        { file, line, entryLabel, id: where?.id, field },
        `YAML syntax error: ${error.message.split('\n')[0]}`,
      );
    });
    throw new ContentError(problems.join('\n'));
  }

  const root = document.contents;
  if (root === null || !isSeq(root)) {
    throw new ContentError(
      describeProblem({ file }, `must be a YAML list of ${entryLabel} entries (lines starting with "- id:")`),
    );
  }

  const problems: string[] = [];
  const records: YamlRecord<z.infer<S>>[] = [];
  const firstLineOfId = new Map<string, number | undefined>();

  // The whole list at once: converting it once resolves anchors and aliases (`&ports` … `*ports`)
  // in one pass, where converting entry by entry would walk the document again for every entry.
  let values: unknown[];
  try {
    values = document.toJS() as unknown[];
  } catch (error) {
    // The YAML library refuses documents whose aliases expand without bound; say where.
    const where = locateExpansion(document, root.items);
    throw new ContentError(
      describeProblem(
        { file, line: lineOf(where?.node), entryLabel, id: where?.id, field: where?.field },
        `cannot be read: ${(error as Error).message}`,
      ),
    );
  }
  root.items.forEach((item, position) => {
    const line = lineOf(item);
    if (!isMap(item)) {
      problems.push(
        describeProblem({ file, line }, `entry ${position + 1} must be a mapping with an "id" field`),
      );
      return;
    }
    const raw = values[position] as Record<string, unknown>;
    const rawId = raw.id;
    if (rawId === undefined || rawId === null || rawId === '') {
      problems.push(describeProblem({ file, line, field: 'id' }, `${entryLabel} ${position + 1} has no id`));
      return;
    }
    const id = idText(rawId);
    if (firstLineOfId.has(id)) {
      const first = firstLineOfId.get(id);
      problems.push(
        describeProblem(
          { file, line, entryLabel, id, field: 'id' },
          `duplicate id: already used${first === undefined ? '' : ` on line ${first}`}`,
        ),
      );
      return;
    }
    firstLineOfId.set(id, line);

    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // An unknown key is reported as a problem of that field, once per key.
        const fields =
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => ({
                path: [...issue.path, key],
                message: 'unknown field (check its spelling)',
              }))
            : [{ path: issue.path, message: issue.message }];
        for (const { path, message } of fields) {
          problems.push(
            describeProblem({ file, line, entryLabel, id, field: formatFieldPath(path) }, message),
          );
        }
      }
      return;
    }
    records.push({ id, position, raw, data: result.data });
  });

  if (problems.length > 0) throw new ContentError(problems.join('\n'));
  return records;
}

/** Where in the list a problem sits: the entry's id (if it has one) and the path of the key. */
interface EntryLocation {
  id: string | undefined;
  field: string;
  node: unknown;
}

/**
 * How an id is named in messages. An id the editor wrote as a list or mapping is shown as JSON:
 * `String` would name every mapping "[object Object]", which says nothing about the entry.
 */
function idText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/** The `id` an entry of the list gives, read from the syntax tree (the document may not convert). */
function entryId(entry: unknown): string | undefined {
  if (!isMap(entry)) return undefined;
  const id = entry.get('id', true);
  return isScalar(id) && id.value !== null && id.value !== '' ? idText(id.value) : undefined;
}

/** The path of keys leading to the key that starts at `offset`, e.g. "groups[0].heading". */
function keyPathAt(
  node: unknown,
  offset: number,
  path: (string | number)[],
): (string | number)[] | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if ((pair.key as Node | null)?.range?.[0] === offset) return [...path, key];
      const inner = keyPathAt(pair.value, offset, [...path, key]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const inner = keyPathAt(item, offset, [...path, index]);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The entry (and key, for a repeated key) of the list at a character offset of the file. */
function locateOffset(document: Document, offset: number): Omit<EntryLocation, 'node'> | undefined {
  const root = document.contents;
  if (!isSeq(root)) return undefined;
  const entry = root.items.find((item) => {
    const range = (item as Node | null)?.range;
    return range !== undefined && range !== null && range[0] <= offset && offset < range[2];
  });
  if (entry === undefined) return undefined;
  const path = keyPathAt(entry, offset, []);
  return { id: entryId(entry), field: path === undefined ? '' : formatFieldPath(path) };
}

/**
 * The entry and top-level key whose aliases expand without bound, found by
 * converting one entry and then one key at a time; only run once the whole
 * document has been refused, so the cost does not matter.
 */
function locateExpansion(document: Document, entries: readonly unknown[]): EntryLocation | undefined {
  const fails = (node: unknown): boolean => {
    try {
      (node as Node | null)?.toJS(document);
      return false;
    } catch {
      return true;
    }
  };
  const entry = entries.find(fails);
  if (entry === undefined) return undefined;
  const pair = isMap(entry) ? entry.items.find((candidate) => fails(candidate.value)) : undefined;
  const key = pair === undefined ? '' : isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
  return { id: entryId(entry), field: key, node: pair?.key ?? entry };
}
