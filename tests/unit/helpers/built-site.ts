import { ELEMENT_NODE, TEXT_NODE, parse, walkSync, type DocumentNode } from 'ultrahtml';
import { linkFragments, resolveFragment } from '../../../src/lib/url/link-index';
import { linkIndexOf, OVERVIEW_DATA_ELEMENT_ID, parseOverviewData } from '../../../src/lib/ui/overview-data';

/**
 * Checks over the built site: that every internal link and anchor resolves, that
 * no page gives one id to two elements, and that every address we ever published
 * is still served. Pure functions over
 * page markup and file names, so tests can feed them a broken site on purpose;
 * reading `dist/` is left to the caller.
 */

/** What the checks need to know about one HTML page of the build. */
export interface BuiltPage {
  /** Site-relative URL, e.g. "/rules/sip-tls/". */
  url: string;
  /** Every element id on the page. */
  ids: Set<string>;
  /** Ids that more than one element of the page has, each named once. */
  duplicateIds: string[];
  /**
   * Fragments the page's script resolves without a matching id (bare rule ids and
   * old ids on the overview, from its embedded link index). They count as anchors.
   */
  scriptFragments: Set<string>;
  /** Fragments that are permanent public links into the page, for the registry. */
  publishedFragments: string[];
  /** Every address the page refers to: links, stylesheets, scripts, images, redirects. */
  references: string[];
}

export interface BuiltSite {
  /** HTML pages by URL. */
  pages: Map<string, BuiltPage>;
  /** Site-relative URLs of every other file, e.g. "/favicon.svg". */
  files: Set<string>;
}

/** An id that two or more elements of one page share. */
export interface DuplicateId {
  page: string;
  id: string;
}

/** A link or registry entry that does not resolve, and why. */
export interface LinkProblem {
  /** The page the link is on, or "registry" for entries of the published-URL list. */
  from: string;
  url: string;
  problem: string;
}

/** Build artefacts nobody links to from outside: bundles whose names change with every build, and the host configuration file `_headers`. */
const UNPUBLISHED_PREFIXES = ['/_astro/', '/pagefind/', '/_headers'];
/** Pages that are not addresses of their own. */
const UNPUBLISHED_PAGES = new Set(['/404.html', '/de/404/']);

/** The URL a file in the build is served at: "rules/x/index.html" is "/rules/x/". */
export function urlOfFile(relativePath: string): string {
  const path = `/${relativePath.split('\\').join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Undoes the character references Astro writes into attribute values. */
function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

const REFERENCE_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src' };

/** Reads the ids, references and script-handled fragments of a page. */
export function readPage(url: string, html: string): BuiltPage {
  const ids = new Set<string>();
  const duplicateIds = new Set<string>();
  const references: string[] = [];
  let indexJson: string | undefined;
  const document = parse(html) as DocumentNode;
  walkSync(document, (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attribute = (name: string) => {
      const value = node.attributes[name];
      return value === undefined ? undefined : decodeEntities(value);
    };
    const id = attribute('id');
    if (id !== undefined && ids.has(id)) duplicateIds.add(id);
    if (id !== undefined) ids.add(id);
    const referenceAttribute = REFERENCE_ATTRIBUTES[node.name];
    const reference = referenceAttribute === undefined ? undefined : attribute(referenceAttribute);
    // Canonical addresses are checked on their own (Starlight gives the 404 page one that is not a page).
    const rel = node.attributes.rel;
    if (reference !== undefined && rel !== 'preconnect' && rel !== 'canonical') references.push(reference);
    if (node.name === 'meta' && attribute('http-equiv')?.toLowerCase() === 'refresh') {
      const target = /url=(.+)$/i.exec(attribute('content') ?? '')?.[1];
      if (target !== undefined) references.push(target.trim());
    }
    if (node.name === 'script' && id === OVERVIEW_DATA_ELEMENT_ID) {
      indexJson = node.children.map((child) => (child.type === TEXT_NODE ? child.value : '')).join('');
    }
  });
  const data = parseOverviewData(indexJson);
  const index = data === undefined ? undefined : linkIndexOf(data);
  const fragments = index === undefined ? [] : linkFragments(index);
  // A fragment the script resolves only works if the element it scrolls to is really there:
  // an index that still names a row the markup lost must not hide the broken link.
  const lands = (fragment: string) => {
    const target = index === undefined ? undefined : resolveFragment(fragment, index);
    return target !== undefined && ids.has(target.anchor ?? target.deployment);
  };
  return {
    url,
    ids,
    duplicateIds: [...duplicateIds],
    scriptFragments: new Set(fragments.filter((fragment) => !ids.has(fragment) && lands(fragment))),
    publishedFragments: fragments,
    references,
  };
}

/**
 * Whether a site-relative URL (with optional fragment) resolves in the build.
 * Returns the problem, or undefined when it resolves.
 */
function checkUrl(site: BuiltSite, url: string): string | undefined {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const rawFragment = hashAt === -1 ? undefined : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  let path: string;
  let fragment: string | undefined;
  try {
    path = decodeURI(queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt));
    fragment = rawFragment === undefined ? undefined : decodeURIComponent(rawFragment);
  } catch {
    return 'is not a valid URL';
  }
  const page = site.pages.get(path);
  if (!page) {
    if (site.files.has(path)) return fragment ? `has a fragment, but ${path} is not a page` : undefined;
    return site.pages.has(`${path}/`) ? `has no trailing slash; link to ${path}/` : `${path} does not exist`;
  }
  // An empty fragment ("#") means the top of the page.
  if (fragment === undefined || fragment === '') return undefined;
  if (page.ids.has(fragment) || page.scriptFragments.has(fragment)) return undefined;
  return `#${fragment} is neither an id on ${path} nor a rule or old id the page resolves`;
}

/**
 * Turns a reference found on a page into a site-relative URL, or undefined for
 * addresses outside the site (other hosts, mail, telephone).
 */
function internalUrl(reference: string, pageUrl: string, siteOrigin: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(reference, new URL(pageUrl, siteOrigin));
  } catch {
    return reference;
  }
  if (resolved.origin !== new URL(siteOrigin).origin) return undefined;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** Every internal link on every page that leads nowhere. */
export function findBrokenLinks(site: BuiltSite, siteOrigin: string): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const page of site.pages.values()) {
    for (const reference of page.references) {
      const url = internalUrl(reference, page.url, siteOrigin);
      if (url === undefined) continue;
      const problem = checkUrl(site, url);
      if (problem !== undefined) problems.push({ from: page.url, url: reference, problem });
    }
  }
  return problems;
}

/**
 * Every id that more than one element of a page has. A fragment link then lands on
 * the first of them only, `aria-labelledby` and `<label for>` name the wrong
 * element, and `getElementById` in the page's scripts finds only one.
 */
export function findDuplicateIds(site: BuiltSite): DuplicateId[] {
  return [...site.pages.values()].flatMap((page) => page.duplicateIds.map((id) => ({ page: page.url, id })));
}

/**
 * Every address the build serves that people may link to from outside: pages,
 * the overview's tabs, rows, rule ids and old ids, and files such as feeds,
 * snippets and the sitemap. Sorted, so the registry diffs cleanly.
 */
export function publishedUrls(site: BuiltSite): string[] {
  const urls: string[] = [];
  for (const page of site.pages.values()) {
    if (UNPUBLISHED_PAGES.has(page.url)) continue;
    urls.push(page.url, ...page.publishedFragments.map((fragment) => `${page.url}#${fragment}`));
  }
  for (const file of site.files) {
    if (!UNPUBLISHED_PREFIXES.some((prefix) => file.startsWith(prefix))) urls.push(file);
  }
  return [...new Set(urls)].sort();
}

/** The entries of a registry file: one URL a line; blank lines and lines starting with "#" are comments. */
export function parseRegistry(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Registry entries the build no longer serves: each one is a broken link in someone's article. */
export function findMissingUrls(registry: readonly string[], site: BuiltSite): LinkProblem[] {
  return registry.flatMap((url) => {
    const problem = checkUrl(site, url);
    return problem === undefined ? [] : [{ from: 'registry', url, problem }];
  });
}

/** Published addresses the registry does not list yet. */
export function findUnlistedUrls(registry: readonly string[], site: BuiltSite): string[] {
  const listed = new Set(registry);
  return publishedUrls(site).filter((url) => !listed.has(url));
}
