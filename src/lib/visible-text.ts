/**
 * Characters a reader cannot see or that change how the text around them reads:
 * controls (line feed, tab, …), format characters (the bidirectional overrides
 * U+202A–U+202E and U+2066–U+2069, zero-width characters) and the Unicode line
 * and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The code point of a character as "U+202E". */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first invisible character of a text, or undefined when there is none. */
export function firstInvisible(text: string): { character: string; index: number } | undefined {
  const match = new RegExp(INVISIBLE.source, 'u').exec(text);
  return match ? { character: match[0], index: match.index } : undefined;
}

/**
 * Text with every invisible character written out as "[U+202E]", so a value
 * quoted in a message reads exactly as it was given: a right-to-left override
 * cannot make the rest of the message read backwards, and a line break is seen.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (character) => `[${codePoint(character)}]`);
}
