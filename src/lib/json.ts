/**
 * JSON between the build and the browser: the build writes data into the page
 * with {@link scriptJson}, and the browser checks the shape of what it reads
 * back before any code trusts it.
 */

export type JsonObject = Record<string, unknown>;

/** The parsed value, or undefined for missing or malformed text. */
export function parseJson(json: string | null | undefined): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Whether the value is one of a registry's values. */
export function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * A value as JSON safe to put inside a `<script type="application/json">`
 * element: every "<" is escaped, so neither "</script>" nor "<!--" in the data
 * can end the element or change how the browser parses it.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
