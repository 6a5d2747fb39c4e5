import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Script types the browser executes. Data blocks such as
 * `<script type="application/json">` are never run, so they need no hash.
 */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Every element of a parsed page in document order, template contents included. */
function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    yield child;
    yield* elements(child.tagName === 'template' && 'content' in child ? child.content : child);
  }
}

/**
 * The base64 SHA-256 source expression of every inline script a page executes.
 * The page is read with a WHATWG-conformant HTML parser, the same algorithm the
 * browser runs, so text that only looks like a script (inside an attribute, a
 * comment, a data block or a `<textarea>`) is never hashed and so never allowed.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const element of elements(parse(html))) {
    if (element.tagName !== 'script') continue;
    const attribute = (name: string) => element.attrs.find((candidate) => candidate.name === name)?.value;
    if (attribute('src') !== undefined) continue;
    const type = (attribute('type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    const body = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** An origin a page may declare for connect-src: HTTPS, a host or a "*." pattern, an optional port. */
const CONNECT_ORIGIN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/;

/**
 * The origins beyond its own that a page's scripts fetch, as the page declares them: the
 * `data-csp-connect` attribute (space-separated origins) of any element, such as the in-page
 * connectivity check. Anything that is not a plain HTTPS origin stops the build, so no page can
 * widen the policy with a scheme, a path or another directive.
 */
export function declaredConnectSources(html: string): string[] {
  const sources: string[] = [];
  for (const element of elements(parse(html))) {
    const declared = element.attrs.find((attribute) => attribute.name === 'data-csp-connect')?.value;
    if (declared === undefined) continue;
    for (const origin of declared.split(' ').filter((part) => part !== '')) {
      if (!CONNECT_ORIGIN.test(origin))
        throw new Error(`data-csp-connect: "${origin}" is not an HTTPS origin`);
      sources.push(origin);
    }
  }
  return sources;
}

/**
 * The Content-Security-Policy of the site. Scripts run only from this origin or
 * when their exact text is listed by hash: no 'unsafe-inline', no eval. Pagefind's
 * search index is WebAssembly, hence 'wasm-unsafe-eval'. Starlight sets a few
 * style attributes, so styles allow inline; styles cannot run code. Scripts fetch only from
 * this origin and the origins pages declare (`declaredConnectSources`).
 */
export function contentSecurityPolicy(
  scriptHashes: Iterable<string>,
  connectSources: Iterable<string> = [],
): string {
  const hashes = [...new Set(scriptHashes)].sort();
  const connect = [...new Set(connectSources)].sort();
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers sent with every response, as name/value pairs. */
export function securityHeaders(
  scriptHashes: Iterable<string>,
  connectSources: Iterable<string> = [],
): [string, string][] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(scriptHashes, connectSources)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ];
}

/** A `_headers` file (the format of Netlify and Cloudflare Pages) applying the headers to every path. */
export function headersFile(headers: [string, string][]): string {
  return [
    '# Security headers for every page, written at build time.',
    '/*',
    ...headers.map(([name, value]) => `  ${name}: ${value}`),
    '',
  ].join('\n');
}

/** The same headers as nginx `add_header` lines, for self-hosting. */
export function nginxHeaders(headers: [string, string][]): string {
  return (
    headers
      .map(([name, value]) => `add_header ${name} "${value.replaceAll('"', '\\"')}" always;`)
      .join('\n') + '\n'
  );
}
