import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  declaredConnectSources,
  headersFile,
  inlineScriptHashes,
  nginxHeaders,
  securityHeaders,
} from '../lib/site/security-headers';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * After the build, hashes every inline script of every page, collects the origins pages
 * declare their scripts fetch (the in-page connectivity check), and writes the
 * security headers with a strict Content-Security-Policy: `dist/_headers` for
 * static hosts, and `security-headers.nginx.conf` beside `dist` for nginx.
 */
export function securityHeadersIntegration(): AstroIntegration {
  return {
    name: 'pascom-security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const hashes = new Set<string>();
        const connect = new Set<string>();
        for (const file of await htmlFiles(outDir)) {
          const html = await readFile(file, 'utf8');
          for (const hash of inlineScriptHashes(html)) hashes.add(hash);
          for (const origin of declaredConnectSources(html)) connect.add(origin);
        }
        const headers = securityHeaders(hashes, connect);
        await writeFile(join(outDir, '_headers'), headersFile(headers));
        await writeFile(join(outDir, '..', 'security-headers.nginx.conf'), nginxHeaders(headers));
        logger.info(
          `Content-Security-Policy allows ${hashes.size} inline scripts by hash and fetches from ${[...connect].join(', ') || 'this origin only'}`,
        );
      },
    },
  };
}
