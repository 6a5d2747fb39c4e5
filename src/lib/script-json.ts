/**
 * A value as JSON safe to put inside a `<script type="application/json">`
 * element: every "<" is escaped, so neither "</script>" nor "<!--" in the data
 * can end the element or change how the browser parses it.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
