// A small static file server for the built site, used by the browser tests and
// the benchmarks. It listens on 127.0.0.1 only.
//
//   node scripts/serve-dist.mjs [--port 4329] [--dir dist] [--headers]
//
// With --headers it also sends the headers that dist/_headers declares for each
// path (the same file static hosts read), so tests see the site as deployed.
// Text responses are gzip-compressed when the client accepts it, as any static
// host does, so Lighthouse measures realistic transfer sizes.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PREVIEW_PORT ?? '4329' },
    dir: { type: 'string', default: 'dist' },
    headers: { type: 'boolean', default: false },
  },
});

const root = resolve(values.dir);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Rules of a _headers file: a path pattern line, then indented "Name: value" lines. */
function readHeaderRules() {
  const file = join(root, '_headers');
  if (!values.headers || !existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(
        `^${line
          .trim()
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      rules.push({ pattern, headers: [] });
    } else if (rules.length > 0) {
      const index = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, index).trim(), line.slice(index + 1).trim()]);
    }
  }
  return rules;
}
const headerRules = readHeaderRules();

async function fileFor(pathname) {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (!path.startsWith(root)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    if (await stat(index).catch(() => undefined)) return index;
  }
  return undefined;
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let status = 200;
  let file;
  try {
    file = await fileFor(url.pathname);
  } catch {
    file = undefined;
  }
  if (!file) {
    status = 404;
    file = join(root, '404.html');
  }
  const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
  for (const rule of headerRules) {
    if (rule.pattern.test(url.pathname)) for (const [name, value] of rule.headers) headers[name] = value;
  }
  try {
    let body = await readFile(file);
    const compressible = /^(text\/|application\/(json|xml|javascript))|image\/svg/.test(
      headers['content-type'],
    );
    if (compressible && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
  }
});

server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`Serving ${values.dir} at http://127.0.0.1:${values.port}/`);
});
