/**
 * Text that ends up inside generated firewall configuration. Every piece of
 * prose (rule titles, endpoint names) passes through {@link safeText} first, so
 * no character in it can end a comment, a quoted string, a shell word or an XML
 * element, whatever the platform. The quoting helpers below escape again on top,
 * so that a later change to `safeText` cannot open a hole on its own.
 */

/** German letters and typographic quotes, spelt the way German is written without them. */
const ASCII_SPELLING: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  '\u201e': '"',
  '\u201c': '"',
  '\u201d': '"',
  '\u201a': "'",
  '\u2018': "'",
  '\u2019': "'",
  '\u2013': '-',
  '\u2014': '-',
};
const NOT_ASCII_SPELT = new RegExp(`[${Object.keys(ASCII_SPELLING).join('')}]`, 'gu');

/**
 * German as it is written where only ASCII may stand: ä becomes ae, ß becomes ss,
 * „quotes" become plain quotes. Other text passes unchanged.
 */
export function asciiSpelling(text: string): string {
  return text.replace(NOT_ASCII_SPELT, (character) => ASCII_SPELLING[character] ?? character);
}

/** Characters that mean the same thing in every format the generators write. */
const UNSAFE = /[^A-Za-z0-9 .,:()/+_@*-]+/g;

/**
 * Reduces text to letters, digits, spaces and `. , : ( ) / + _ @ * -`, on one
 * line, at most `maxLength` characters. German letters are spelt in ASCII
 * (see {@link asciiSpelling}); anything else becomes a space.
 */
export function safeText(text: string, maxLength = 100): string {
  // German words keep their letters as ae, oe, ue and ss rather than losing them to a space.
  const cleaned = asciiSpelling(text).replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length <= maxLength ? cleaned : cleaned.slice(0, maxLength).trimEnd();
}

/** A POSIX shell word in single quotes; a quote inside becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A PowerShell verbatim string: single quotes, an inner quote doubled. */
export function powershellQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, "''")}'`;
}

/** A double-quoted string for CLIs that escape with a backslash (FortiOS, RouterOS, nft, pf). */
export function doubleQuote(text: string): string {
  return `"${safeText(text, 1000).replace(/[\\"]/g, '\\$&')}"`;
}

/** Text for an XML element or attribute. */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Prefixes every line with a comment marker; blank lines stay bare markers. */
export function commentBlock(lines: readonly string[], marker: string): string[] {
  return lines.map((line) => (line === '' ? marker : `${marker} ${line.replace(/[\r\n]+/g, ' ')}`));
}

/** Splits prose into lines of at most about `width` characters, at spaces. */
export function wrap(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
