/**
 * Deterministic text widths for the network diagrams. The layout runs at build
 * time, where no browser can measure text, so every string is measured with the
 * advance widths of the font the diagrams name first: DejaVu Sans (Debian's
 * default sans) for names and DejaVu Sans Mono for port labels. Verdana, next in
 * the stack for Windows and macOS, has nearly the same widths; every other sans
 * on the list is narrower, so an estimate made with these tables is an upper
 * bound and text never runs past the space the layout gave it.
 */

/** The font stacks the SVG sets; the width tables below describe their first entries. */
export const SANS_FONT = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";
export const MONO_FONT = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

/**
 * Advance widths of the printable ASCII characters (U+0020 to U+007E) in
 * thousandths of an em, as Chromium measures DejaVu Sans Book and Bold.
 */
const SANS_REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const SANS_BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
/** Every character of DejaVu Sans Mono is 0.602 em wide, and so are Menlo's and Liberation Mono's. */
const MONO_WIDTH = 602;
/**
 * Characters outside printable ASCII (accented letters, typographic quotes) are
 * counted as wide as the widest letter, so they can only make the estimate larger.
 */
const OTHER_WIDTH = 1000;
/** Headroom for hinting and for fallback fonts that are a little wider than the table. */
const SAFETY = 1.04;

/** A font as the diagrams use it: which table, which size in px. */
export interface TextStyle {
  family: 'sans' | 'mono';
  bold: boolean;
  size: number;
}

function charWidth(code: number, style: TextStyle): number {
  if (style.family === 'mono') return MONO_WIDTH;
  if (code < 32 || code > 126) return OTHER_WIDTH;
  return (style.bold ? SANS_BOLD : SANS_REGULAR)[code - 32]!;
}

/** Width in px that `text` takes at most when drawn in `style`. */
export function textWidth(text: string, style: TextStyle): number {
  let thousandths = 0;
  for (const character of text) thousandths += charWidth(character.codePointAt(0)!, style);
  return (thousandths / 1000) * style.size * SAFETY;
}

/**
 * Where a line may break: `marks` for labels and prose, `spaces` for names and
 * hostnames, which stay whole ("<your-instance>.pascom.cloud" has a hyphen).
 */
export type BreakAt = 'marks' | 'spaces';

/**
 * Pieces a line may break after: a space (dropped at the break), or a comma,
 * slash, hyphen or plus (kept at the end of the line), so port lists break at
 * their commas; with `spaces`, after a space alone. Never after a dot: a hostname
 * stays whole on its line.
 */
function breakPieces(text: string, at: BreakAt): string[] {
  const pieces = at === 'spaces' ? /\S*(?:\s+|$)/g : /[^\s,/+-]*(?:[,/+-]+|\s+|$)/g;
  return text.match(pieces)?.filter((piece) => piece !== '') ?? [];
}

/** Splits a run wider than the line into runs of characters that fit. */
function characterRuns(run: string, maxWidth: number, style: TextStyle): string[] {
  const runs: string[] = [];
  let current = '';
  for (const character of run) {
    if (current !== '' && textWidth(current + character, style) > maxWidth) {
      runs.push(current);
      current = '';
    }
    current += character;
  }
  if (current !== '') runs.push(current);
  // A dot or comma alone on a line reads as a stray mark: it takes the letter before it along.
  const last = runs.at(-1);
  if (runs.length > 1 && last !== undefined && /^[.,/+-]+$/.test(last)) {
    const previous = runs.at(-2)!;
    runs.splice(-2, 2, previous.slice(0, -1), previous.slice(-1) + last);
  }
  return runs;
}

/**
 * Splits a piece wider than the whole line, the last resort: after its dots
 * where it has them (a hostname longer than any box, at its labels), inside a
 * word only where one label alone is wider than the line.
 */
function hardBreak(piece: string, maxWidth: number, style: TextStyle): string[] {
  const runs: string[] = [];
  let line = '';
  for (const label of piece.match(/[^.]*(?:\.+|$)/g)?.filter((part) => part !== '') ?? []) {
    if (textWidth(line + label, style) <= maxWidth) {
      line += label;
      continue;
    }
    if (line !== '') runs.push(line);
    const pieces = textWidth(label, style) <= maxWidth ? [label] : characterRuns(label, maxWidth, style);
    runs.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line !== '') runs.push(line);
  return runs;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, preferring the break
 * points above and breaking a word (a hostname) only when it is wider than a
 * whole line. Always returns at least one line.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, at: BreakAt = 'marks'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of breakPieces(text.trim(), at)) {
    const candidate = line + piece;
    if (textWidth(candidate.trimEnd(), style) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    if (textWidth(piece.trimEnd(), style) <= maxWidth) {
      line = piece;
      continue;
    }
    const runs = hardBreak(piece.trimEnd(), maxWidth, style);
    lines.push(...runs.slice(0, -1));
    line = runs.at(-1) ?? '';
    if (/\s$/.test(piece)) line += ' ';
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
