// Reads a `_headers` file, the format static hosts such as Netlify and Cloudflare Pages
// use (the build writes one into dist/), so the local server sends what production sends.
//
// A line without indentation is a path pattern: `*` matches any characters (a splat),
// `:name` one path segment. The indented "Name: value" lines below it apply to every
// path the pattern matches. When several patterns match, all their headers apply and
// the values of a header named more than once are joined with ", ", as the hosts do.

/**
 * @typedef {{ pattern: string, matcher: RegExp, headers: [string, string][] }} HeaderRule
 */

/**
 * Parses the text of a `_headers` file. Throws an error naming the line of anything that
 * is not a comment, a path pattern or a "Name: value" line below a pattern.
 *
 * @param {string} text
 * @param {string} [fileName]
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text, fileName = '_headers') {
  /** @type {HeaderRule[]} */
  const rules = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const where = `${fileName} line ${index + 1}`;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      if (!trimmed.startsWith('/')) {
        throw new Error(`${where}: "${trimmed}" is not a path pattern (it must start with "/")`);
      }
      rules.push({ pattern: trimmed, matcher: patternMatcher(trimmed), headers: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where}: the header "${trimmed}" comes before any path pattern`);
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(trimmed);
    if (!match?.[1] || match[2] === undefined || match[2] === '') {
      throw new Error(`${where}: "${trimmed}" is not a "Name: value" header line`);
    }
    rule.headers.push([match[1], match[2]]);
  });
  return rules;
}

/**
 * The headers the rules prescribe for a URL path, by lower-case name.
 *
 * @param {HeaderRule[]} rules
 * @param {string} pathname the decoded path, without query
 * @returns {Map<string, { name: string, value: string }>}
 */
export function headersForPath(rules, pathname) {
  /** @type {Map<string, { name: string, value: string }>} */
  const headers = new Map();
  for (const rule of rules) {
    if (!rule.matcher.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const previous = headers.get(key);
      headers.set(key, {
        name: previous?.name ?? name,
        value: previous ? `${previous.value}, ${value}` : value,
      });
    }
  }
  return headers;
}

/** @param {string} pattern */
function patternMatcher(pattern) {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}
