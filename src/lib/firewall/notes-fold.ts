/**
 * The notes at the top of a snippet, for the panel to fold away. Every snippet
 * opens with its header (what it is, what to fill in, how to load and save it),
 * 20 to 40 comment lines that would push the first command out of the code box.
 * The file keeps them; the panel shows them behind a control, so the first
 * command is in view, and Copy and Download still give the whole file.
 */

/** A snippet cut in three: what comes before its header, the header, and the rest. */
export interface FoldedSnippet {
  /** Lines before the header (a `#!/bin/sh` or `<?xml …?>` line), with their line break. */
  before: string;
  /** The header's comment lines, each with its line break. */
  notes: string;
  /** Everything after the header, starting with the first command. */
  after: string;
  /** How many lines the header has. */
  lines: number;
}

/** A comment line in the `#` or `!` snippets; `#!` opens a script and is not one. */
const COMMENT = /^(?:#(?!!)|!)/;

/**
 * The snippet's leading comment block (starting on its first or second line: a
 * script opens with `#!`, an XML file with `<?xml`), or undefined when there is
 * none worth folding (fewer than three lines). `before + notes + after` is the
 * text, unchanged.
 */
export function foldNotes(text: string): FoldedSnippet | undefined {
  const lines = text.split('\n');
  for (const start of [0, 1]) {
    const first = lines[start];
    if (first === undefined) return undefined;
    let end = start;
    if (first.trim() === '<!--') {
      while (end < lines.length && lines[end]!.trim() !== '-->') end += 1;
      if (end === lines.length) return undefined;
      end += 1;
    } else {
      while (end < lines.length - 1 && COMMENT.test(lines[end]!)) end += 1;
    }
    if (end - start >= 3) {
      const join = (from: number, to: number) =>
        lines
          .slice(from, to)
          .map((line) => `${line}\n`)
          .join('');
      return {
        before: join(0, start),
        notes: join(start, end),
        after: lines.slice(end).join('\n'),
        lines: end - start,
      };
    }
  }
  return undefined;
}
