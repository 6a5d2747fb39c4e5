// The static server for the built site, used by `npm start`, the browser tests, Lighthouse
// and the benchmarks, so all of them see the site as production serves it:
//
//   node scripts/serve-dist.mjs [--port 4329] [--dir dist]
//
// - Files are served by serve-static (clean URLs: a folder's index.html, and a folder
//   without its trailing slash redirects to it). Paths are resolved by the library, which
//   refuses anything outside the folder; an unknown path gets 404.html with status 404.
// - Every response carries the headers that <dir>/_headers prescribes for its path (the
//   Content-Security-Policy and the other security headers the build writes), re-read when
//   the file changes, so a rebuild needs no restart.
// - It listens on 127.0.0.1 only and answers only requests addressed to
//   127.0.0.1:<port> or localhost:<port>: a web page that points its own host name at
//   127.0.0.1 (DNS rebinding) gets 421 instead of the site.
// - Text is gzip-compressed when the client accepts it, as static hosts do, so Lighthouse
//   measures realistic transfer sizes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import compression from 'compression';
import finalhandler from 'finalhandler';
import onHeaders from 'on-headers';
import serveStatic from 'serve-static';
import { headersForPath, parseHeadersFile } from './headers-file.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PREVIEW_PORT ?? '4329' },
    dir: { type: 'string', default: 'dist' },
  },
});

const root = resolve(values.dir);
const headersPath = join(root, '_headers');
const notFoundPath = join(root, '404.html');

/** Stops with a message saying what is missing and how to get it. */
function refuse(message) {
  console.error(`serve-dist: ${message}`);
  process.exit(1);
}

for (const [path, what] of [
  [headersPath, 'the headers file'],
  [notFoundPath, 'the 404 page'],
]) {
  if (!existsSync(path)) {
    refuse(
      `${what} ${path} is missing: build the site first (npm run build) or pass --dir with a built site.`,
    );
  }
}

/** The rules of _headers, parsed again whenever the file changes. */
let headerRules = { mtime: -1, rules: [] };
function currentHeaderRules() {
  const mtime = statSync(headersPath).mtimeMs;
  if (mtime !== headerRules.mtime) {
    headerRules = { mtime, rules: parseHeadersFile(readFileSync(headersPath, 'utf8'), headersPath) };
  }
  return headerRules.rules;
}
try {
  currentHeaderRules();
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}

/** The decoded path of a request target, for matching _headers patterns. */
function pathOf(target = '/') {
  const path = target.startsWith('/') ? target.split('?')[0] : '/';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function plainText(response, status, text, headers = {}) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${text}\n`);
}

// No Cache-Control of its own (it would send max-age=0): _headers decides, as on a static host.
const serve = serveStatic(root, {
  index: ['index.html'],
  redirect: true,
  dotfiles: 'ignore',
  cacheControl: false,
});
const compress = compression();

/** The 404 page of the address's language: the German one for a German address, if the build has it. */
function notFoundPageOf(request) {
  const german = join(root, 'de', '404', 'index.html');
  return pathOf(request.url).startsWith('/de/') && existsSync(german) ? german : notFoundPath;
}

async function notFound(request, response) {
  const page = await readFile(notFoundPageOf(request));
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  response.end(request.method === 'HEAD' ? undefined : page);
}

let allowedHosts = new Set();

const server = createServer((request, response) => {
  let rules;
  try {
    rules = currentHeaderRules();
  } catch (error) {
    plainText(response, 500, error instanceof Error ? error.message : String(error));
    return;
  }
  // Set as the response starts, after the libraries below have set theirs, so every
  // response (pages, redirects, errors, the 404 page) carries exactly these values.
  const headers = headersForPath(rules, pathOf(request.url));
  onHeaders(response, () => {
    for (const { name, value } of headers.values()) response.setHeader(name, value);
  });

  const host = (request.headers.host ?? '').toLowerCase();
  if (!allowedHosts.has(host)) {
    const served = [...allowedHosts].map((name) => `http://${name}/`).join(' or ');
    plainText(
      response,
      421,
      `This server answers only to ${served}; the request was addressed to another host.`,
    );
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plainText(response, 405, 'Only GET and HEAD are served.', { allow: 'GET, HEAD' });
    return;
  }
  const fail = finalhandler(request, response);
  compress(request, response, (compressError) => {
    if (compressError) return fail(compressError);
    serve(request, response, (error) => {
      if (error) return fail(error);
      // finalhandler has no types, so the linter cannot see that `fail` handles the rejection.
      void notFound(request, response).catch(fail);
    });
  });
});

server.on('error', (error) => {
  refuse(
    error.code === 'EADDRINUSE'
      ? `port ${values.port} on 127.0.0.1 is in use: stop what listens there or pass --port.`
      : error.message,
  );
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address();
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  console.log(
    `Serving ${values.dir} with the headers of ${values.dir}/_headers at http://127.0.0.1:${port}/`,
  );
});
