import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * Data blocks: JSON a page's code reads, never run, so it needs no hash. Any other inline
 * script, whatever its type, must be one the build wrote; a `type` the browser does not run
 * (such as `text/plain`) has no business on these pages and would only hide a broken-out tag.
 */
const DATA_BLOCK_TYPES = new Set(['application/json']);

/** Every element of a parsed page in document order, template contents included. */
function* elements(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    yield child;
    yield* elements(child.tagName === 'template' && 'content' in child ? child.content : child);
  }
}

/** The CSP source expression of a script's text: its base64 SHA-256. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** An inline script of a page: its `type` (lower case, trimmed) and its text. */
export interface InlineScript {
  type: string;
  text: string;
}

/**
 * Every inline script of a page (a `<script>` without `src`), of any type. The page is read
 * with a WHATWG-conformant HTML parser, the same algorithm the browser runs, so text that only
 * looks like a script (inside an attribute, a comment or a `<textarea>`) is no script.
 */
export function inlineScripts(html: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  for (const element of elements(parse(html))) {
    if (element.tagName !== 'script') continue;
    const attribute = (name: string) => element.attrs.find((candidate) => candidate.name === name)?.value;
    if (attribute('src') !== undefined) continue;
    const type = (attribute('type') ?? '').trim().toLowerCase();
    const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
    scripts.push({ type, text });
  }
  return scripts;
}

/** The first characters of a script, on one line, to name it in a message. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}

/**
 * Checks every inline script of the built pages against the scripts the build wrote (`known`,
 * by hash). Returns the hashes the pages use, for script-src, and one problem per page and
 * unknown script, naming both: such a script came from somewhere else (content that broke out of
 * its element, a tampered file) and must stop the build rather than be signed.
 */
export function auditInlineScripts(
  pages: Iterable<{ page: string; html: string }>,
  known: ReadonlySet<string>,
): { hashes: Set<string>; problems: string[] } {
  const hashes = new Set<string>();
  const problems: string[] = [];
  for (const { page, html } of pages) {
    for (const { type, text } of inlineScripts(html)) {
      if (DATA_BLOCK_TYPES.has(type)) continue;
      const hash = scriptHash(text);
      if (known.has(hash)) hashes.add(hash);
      else {
        const kind = type === '' ? '' : ` of type "${type}"`;
        problems.push(`${page}: an inline script${kind} the build did not write: ${excerpt(text)} (${hash})`);
      }
    }
  }
  return { hashes, problems };
}

/**
 * The text of every `<script is:inline>` with a literal body in an .astro file's source, as
 * Astro writes it into the page: Starlight's fixed scripts (theme, search shortcut, sidebar).
 * A script whose body comes from an expression (`set:html`, `define:vars`) is not literal.
 */
export function literalInlineScripts(source: string): string[] {
  return [...source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(
      ([, attributes = '']) => /\bis:inline\b/.test(attributes) && !/set:html|define:vars/.test(attributes),
    )
    .map(([, , text = '']) => text);
}

/** Entries of a page's head whose content is code, written raw; every other entry's content is text. */
export function isRawHeadContent(tag: string): boolean {
  return tag === 'script' || tag === 'style';
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

/** An endpoint of the content, as far as connect-src is concerned: its id and host names. */
export interface EndpointHosts {
  id: string;
  hosts: readonly string[];
}

/**
 * Checks the origins the pages declare (origin -> pages) against the allow-list of the project's
 * configuration. Returns one problem per origin that is not on the list, naming the pages and the
 * content endpoints whose host it is, so a host added in content cannot widen the policy unseen.
 */
export function connectSourceProblems(
  declared: ReadonlyMap<string, readonly string[]>,
  allowed: readonly string[],
  endpoints: readonly EndpointHosts[],
  endpointsFile: string,
): string[] {
  const problems: string[] = [];
  for (const [origin, pages] of declared) {
    if (allowed.includes(origin)) continue;
    const host = origin.replace(/^https:\/\//, '').replace(/:\d+$/, '');
    const owners = endpoints.filter((endpoint) => endpoint.hosts.includes(host)).map(({ id }) => `"${id}"`);
    const from = owners.length > 0 ? ` from endpoint ${owners.join(', ')} in ${endpointsFile}` : '';
    problems.push(
      `${pages.join(', ')}: the connectivity check would fetch ${origin}${from}, which is not on connect-src's allow-list (connectSources in astro.config.mjs); add it there if the site may contact it, or correct the endpoint`,
    );
  }
  return problems;
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

/** How long a browser may keep a response before it asks the server again. */
const CACHE_CONTROL = {
  /**
   * Pages, feeds, and files whose name does not change with their content (the search's and
   * the check's scripts among them): kept, but checked with the server before each use, so a
   * corrected port reaches readers at once.
   */
  revalidate: 'no-cache',
  /** Files under /_astro/, named by a hash of their content: new content gets a new name. */
  immutable: 'public, max-age=31536000, immutable',
} as const;

/** Which other sites may load a response: the diagrams may be embedded anywhere, the rest is the site's own. */
const RESOURCE_POLICY = { own: 'same-origin', embeddable: 'cross-origin' } as const;

/** The Atom feeds' media type; a static server's type for `.xml` would be `text/xml`. */
const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** The folders of the built site whose files get another policy than the default. */
const HASHED_FOLDER = '_astro';
const EMBEDDABLE_FOLDER = 'diagrams';

/** A top-level entry of the built site: a file or a folder. */
export interface SiteEntry {
  name: string;
  folder: boolean;
}

function cacheHeaders(name: string): [string, string][] {
  return [
    ['Cache-Control', name === HASHED_FOLDER ? CACHE_CONTROL.immutable : CACHE_CONTROL.revalidate],
    [
      'Cross-Origin-Resource-Policy',
      name === EMBEDDABLE_FOLDER ? RESOURCE_POLICY.embeddable : RESOURCE_POLICY.own,
    ],
  ];
}

function block(pattern: string, headers: [string, string][]): string[] {
  return [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)];
}

/**
 * A `_headers` file (the format of Netlify and Cloudflare Pages): the security headers for every
 * path, then the cache and resource policy per top-level file and folder of the built site, and
 * the feeds' media type. Hosts join the values of a header that two matching patterns name, so
 * no two patterns that can match one path name the same header.
 */
export function headersFile(
  headers: [string, string][],
  entries: readonly SiteEntry[] = [],
  atomFeeds: readonly string[] = [],
): string {
  const perPath = [...entries]
    .sort((a, b) => a.name.localeCompare(b.name))
    .filter(({ name }) => name !== '_headers')
    .flatMap(({ name, folder }) =>
      // A folder's own path only redirects to the folder with a slash: the default policy.
      folder
        ? [...block(`/${name}`, cacheHeaders('')), ...block(`/${name}/*`, cacheHeaders(name))]
        : block(`/${name}`, cacheHeaders(name)),
    );
  return [
    '# Security headers for every page, written at build time.',
    ...block('/*', headers),
    '# Cache and resource policy of each top-level file and folder.',
    ...block('/', cacheHeaders('')),
    ...perPath,
    '# The feeds are Atom.',
    ...atomFeeds.flatMap((path) => block(path, [['Content-Type', ATOM_CONTENT_TYPE]])),
    '',
  ].join('\n');
}

function addHeaders(headers: [string, string][], indent = ''): string[] {
  return headers.map(
    ([name, value]) => `${indent}add_header ${name} "${value.replaceAll('"', '\\"')}" always;`,
  );
}

/**
 * The same headers for nginx, to include in the `server` block: the security headers, the
 * default cache and resource policy, and a `location` each for the hashed files, the diagrams
 * and the feeds. An `add_header` in a `location` drops those of the server, so each repeats them.
 */
export function nginxHeaders(headers: [string, string][], atomFeeds: readonly string[] = []): string {
  const location = (match: string, extra: string[], own: [string, string][]) => [
    `location ${match} {`,
    ...extra.map((line) => `    ${line}`),
    ...addHeaders([...headers, ...own], '    '),
    '}',
  ];
  return [
    ...addHeaders([...headers, ...cacheHeaders('')]),
    ...location(`^~ /${HASHED_FOLDER}/`, [], cacheHeaders(HASHED_FOLDER)),
    ...location(`^~ /${EMBEDDABLE_FOLDER}/`, [], cacheHeaders(EMBEDDABLE_FOLDER)),
    ...atomFeeds.flatMap((path) =>
      location(`= ${path}`, ['types { }', 'default_type application/atom+xml;'], cacheHeaders('')),
    ),
    '',
  ].join('\n');
}
