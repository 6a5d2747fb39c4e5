/**
 * Characters that start a new line or steer the reading order: controls (line
 * feed, carriage return, tab, …), the Unicode line and paragraph separators and
 * the bidirectional controls.
 */
const BREAKS_AND_CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/**
 * Text as one line: every run of line breaks and control characters becomes one
 * space. The schemas already refuse them in content; the feeds flatten again, so
 * no value can ever start a line of its own in a line-based format, where a
 * script reading the file would take it for data.
 */
export function oneLine(text: string): string {
  return text.replace(BREAKS_AND_CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
}
