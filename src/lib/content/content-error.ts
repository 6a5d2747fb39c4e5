/**
 * An error in a content file. Its message always names the file and, where it
 * can, the entry id and the field, so an editor knows exactly what to fix.
 */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Where a problem sits: file, entry and field, any of which may be unknown. */
export interface ContentLocation {
  file: string;
  /** What an entry of this file is called, e.g. "rule". */
  entryLabel?: string | undefined;
  id?: string | undefined;
  line?: number | undefined;
  field?: string | undefined;
}

/** Formats a path such as ["ports", 0, "from"] as ports[0].from. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** One line naming a problem: `content/rules.yaml (line 4): rule "sip-tls", field "ports[0]": …`. */
export function describeProblem(where: ContentLocation, message: string): string {
  const parts = [where.line === undefined ? where.file : `${where.file} (line ${where.line})`];
  if (where.id !== undefined) parts.push(`${where.entryLabel ?? 'entry'} "${where.id}"`);
  if (where.field !== undefined && where.field !== '') parts.push(`field "${where.field}"`);
  return `${parts.join(': ')}: ${message}`;
}
