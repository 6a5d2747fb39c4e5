/**
 * Sentences with slots (`{host}`, `{reachable}`) that a script fills when it
 * runs. A speller turns such a sentence into an expression of its language:
 * literal pieces quoted, each slot a variable.
 */

/** The pieces of a sentence: literal text and slot names, in order. */
export function templateParts(text: string): ({ text: string } | { slot: string })[] {
  return text
    .split(/(\{[a-z]+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => (/^\{[a-z]+\}$/.test(piece) ? { slot: piece.slice(1, -1) } : { text: piece }));
}

/** A sentence with its fixed slots filled now, e.g. `{command}`; other slots stay. */
export function fillNow(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
