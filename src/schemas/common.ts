import { z } from 'astro/zod';

/** Longest id: ids become anchors and addresses that people type and paste. */
const MAX_ID_LENGTH = 60;

/**
 * A permanent identifier: lower-case words joined by hyphens. It becomes part of
 * public URLs, so it must survive being typed into a support article.
 */
export const slugId = z
  .string({ error: 'must be a text id such as "sip-tls"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lower-case letters, digits and single hyphens, such as "sip-tls"',
  })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters long` });

/**
 * The longest text each kind of content field may hold, in characters. The limits
 * are far above what the tables need and keep a pasted document out of every
 * page, feed and snippet that repeats the field. README "Limits on content" lists them.
 */
export const TEXT_LIMITS = {
  /** Names of devices, endpoints and tabs, shown in table cells and tab labels. */
  name: 60,
  /** Rule titles and table headings. */
  title: 80,
  /** Changelog headlines. */
  headline: 120,
  /** Sentences: purposes, what breaks, descriptions, notes, summaries. */
  prose: 500,
} as const;

/**
 * Characters that break a line or steer how text is shown: ASCII and C1 controls
 * (line feed, carriage return, tab, …), the Unicode line and paragraph separators,
 * and the bidirectional controls that can make text read in another order. Every
 * feed writes a field on one line, so none of them may be in a field.
 */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/u;
const OTHER_CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The code point of a character as "U+000A". */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * One line of text, trimmed, never empty, at most `max` characters. A YAML `|`
 * block keeps its line breaks, so it is refused with a hint; a folded `>` block
 * or a plain string is one line.
 */
function oneLineText(max: number) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .superRefine((value, ctx) => {
      const lineBreak = LINE_BREAK.exec(value);
      if (lineBreak) {
        ctx.addIssue({
          code: 'custom',
          message: `must be one line, but has a line break (${codePoint(lineBreak[0])}) after character ${lineBreak.index}; write it on one line or as a folded ">" block`,
        });
      }
      const control = OTHER_CONTROL.exec(value);
      if (control) {
        ctx.addIssue({
          code: 'custom',
          message: `has an invisible control character (${codePoint(control[0])}) after character ${control.index}; remove it`,
        });
      }
      if (value.length > max) {
        ctx.addIssue({
          code: 'custom',
          message: `is ${value.length} characters long; at most ${max} are allowed`,
        });
      }
    });
}

/** A name shown in a table cell or a tab label (at most {@link TEXT_LIMITS}.name characters). */
export const name = oneLineText(TEXT_LIMITS.name);
/** A rule title or a table heading. */
export const title = oneLineText(TEXT_LIMITS.title);
/** A changelog headline. */
export const headline = oneLineText(TEXT_LIMITS.headline);
/** One line of prose: a purpose, a description, a note. */
export const text = oneLineText(TEXT_LIMITS.prose);
