import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse as parseYaml } from 'yaml';
import { contentFiles } from '../lib/content/files';
import { localPath } from '../lib/lang';
import { ownInlineScripts } from '../lib/site/own-scripts';
import {
  auditInlineScripts,
  connectSourceProblems,
  declaredConnectSources,
  headersFile,
  literalInlineScripts,
  nginxHeaders,
  scriptHash,
  securityHeaders,
  type EndpointHosts,
} from '../lib/site/security-headers';
import { FEED_PATHS } from '../lib/url/link-scheme';
import { LANGS } from '../schemas/registries';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The literal `is:inline` scripts of Starlight's components, read from the installed package. */
function starlightScripts(root: URL): string[] {
  const require = createRequire(new URL('package.json', root));
  const components = dirname(require.resolve('@astrojs/starlight/components/Page.astro'));
  const packageDir = dirname(components);
  return readdirSync(packageDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro'))
    .flatMap((entry) => literalInlineScripts(readFileSync(join(entry.parentPath, entry.name), 'utf8')));
}

/** The endpoints of the content with their host names, read as written, to name them in messages. */
function contentEndpoints(): EndpointHosts[] {
  try {
    const records: unknown = parseYaml(readFileSync(contentFiles.endpoints, 'utf8'));
    if (!Array.isArray(records)) return [];
    return records.flatMap((record: { id?: unknown; hosts?: unknown }) =>
      typeof record.id === 'string' && Array.isArray(record.hosts)
        ? [{ id: record.id, hosts: record.hosts.filter((host) => typeof host === 'string') }]
        : [],
    );
  } catch {
    // The content was checked when the pages were built; a message without the endpoint's name still stops the build.
    return [];
  }
}

/** The facade module of a component's `<script>`, as Astro names it for the bundler. */
const COMPONENT_SCRIPT = '?astro&type=script&';

export interface SecurityHeadersOptions {
  /**
   * The only origins, beyond the site's own, that its scripts may fetch (connect-src). Pages
   * declare the origins they fetch (`data-csp-connect`); one that is not listed stops the build.
   */
  connectSources: readonly string[];
}

/**
 * After the build, checks every inline script of every page against the scripts the build
 * wrote itself (Starlight's fixed scripts by their text, the component scripts the bundler
 * inlined, the project's own from src/lib/site/own-scripts.ts), and the origins pages declare
 * their scripts fetch against the configured allow-list. Anything else stops the build, naming
 * the page. Then writes the security headers with a strict Content-Security-Policy listing
 * exactly the scripts found, and the cache and resource policy: `dist/_headers` for static
 * hosts and `security-headers.nginx.conf` beside `dist` for nginx.
 */
export function securityHeadersIntegration(options: SecurityHeadersOptions): AstroIntegration {
  /** Component scripts the bundler produced; Astro inlines the small ones into the pages. */
  const bundled = new Set<string>();
  let root: URL | undefined;
  return {
    name: 'pascom-security-headers',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = config.root;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'pascom-security-headers:component-scripts',
                // Before Astro's own plugin, which removes the chunks it inlines from the bundle.
                enforce: 'pre',
                generateBundle(_options, bundle) {
                  for (const output of Object.values(bundle)) {
                    if (output.type === 'chunk' && output.facadeModuleId?.includes(COMPONENT_SCRIPT)) {
                      bundled.add(output.code.trim());
                    }
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const sources = {
          starlight: starlightScripts(root ?? new URL(`file://${process.cwd()}/`)),
          bundled: [...bundled],
          project: ownInlineScripts(),
        };
        const known = new Set(Object.values(sources).flat().map(scriptHash));
        const pages = await Promise.all(
          (await htmlFiles(outDir)).map(async (file) => ({
            page: relative(outDir, file),
            html: await readFile(file, 'utf8'),
          })),
        );
        const { hashes, problems } = auditInlineScripts(pages, known);
        const declared = new Map<string, string[]>();
        for (const { page, html } of pages) {
          for (const origin of declaredConnectSources(html))
            declared.set(origin, [...(declared.get(origin) ?? []), page]);
        }
        problems.push(
          ...connectSourceProblems(
            declared,
            options.connectSources,
            contentEndpoints(),
            contentFiles.endpoints,
          ),
        );
        if (problems.length > 0) {
          throw new Error(
            `The Content-Security-Policy cannot be written:\n  ${problems.join('\n  ')}\nThe build allows only the inline scripts it writes and the origins astro.config.mjs lists.`,
          );
        }
        const connect = [...declared.keys()];
        const headers = securityHeaders(hashes, connect);
        const atomFeeds = LANGS.map((lang) => localPath(lang, FEED_PATHS.atom));
        const entries = (await readdir(outDir, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          folder: entry.isDirectory(),
        }));
        await writeFile(join(outDir, '_headers'), headersFile(headers, entries, atomFeeds));
        await writeFile(join(outDir, '..', 'security-headers.nginx.conf'), nginxHeaders(headers, atomFeeds));
        const found = (list: string[]) => list.filter((text) => hashes.has(scriptHash(text))).length;
        logger.info(
          `Content-Security-Policy allows ${hashes.size} inline scripts by hash, each written by the build (${found(sources.starlight)} Starlight, ${found(sources.bundled)} bundled component scripts, ${found(sources.project)} the project's own), and fetches from ${connect.join(', ') || 'this origin only'}`,
        );
      },
    },
  };
}
