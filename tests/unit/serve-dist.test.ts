import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headersFile, securityHeaders } from '../../src/lib/site/security-headers';

// The static server of `npm start`, the browser tests, Lighthouse and the benchmarks, run as
// a real process on 127.0.0.1. The site folder sits next to a private folder and an archive
// whose names start like it, the layout a prefix check without a separator lets through.

const SECRET = 'PRIVATE-DO-NOT-SERVE';
const production = securityHeaders([`'sha256-${'A'.repeat(43)}='`]);
const headersText = `${headersFile(production)}\n/ports/*\n  X-Robots-Tag: noindex\n`;
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body>${'<p>text</p>'.repeat(200)}</body></html>`;

let layout: string;
let port: number;
/** Every server process this file starts, stopped at the end whatever the outcome. */
const started: ChildProcess[] = [];

/** A port nothing listens on right now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/** Starts the server on a site folder; resolves once it answers. */
async function startServer(dir: string, serverPort: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['scripts/serve-dist.mjs', '--dir', dir, '--port', String(serverPort)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('http://127.0.0.1:')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return child;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request with the path exactly as given (no URL normalisation on the way), so
 * encoded dots, slashes and backslashes reach the server as an attacker would send them.
 */
function send(
  path: string,
  options: { host?: string | null; method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const host = options.host === undefined ? `127.0.0.1:${port}` : options.host;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        setHost: false,
        headers: { ...(host === null ? {} : { host }), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          let body = Buffer.concat(chunks);
          if (response.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString() });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

beforeAll(async () => {
  layout = mkdtempSync(join(tmpdir(), 'serve-dist-'));
  const dist = join(layout, 'dist');
  mkdirSync(join(dist, 'rules', 'sip-tls'), { recursive: true });
  mkdirSync(join(dist, 'ports'), { recursive: true });
  mkdirSync(join(layout, 'dist-private'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), page('Port overview'));
  writeFileSync(join(dist, '404.html'), page('Page not found'));
  mkdirSync(join(dist, 'de', '404'), { recursive: true });
  writeFileSync(join(dist, 'de', '404', 'index.html'), page('Seite nicht gefunden'));
  writeFileSync(join(dist, 'rules', 'sip-tls', 'index.html'), page('SIP over TLS'));
  writeFileSync(join(dist, 'ports', 'onsite.txt'), '5061/tcp sip-tls\n');
  writeFileSync(join(dist, '_headers'), headersText);
  writeFileSync(join(layout, 'dist-private', 'secret.txt'), SECRET);
  writeFileSync(join(layout, 'dist.zip'), SECRET);
  port = await freePort();
  await startServer(dist, port);
});

afterAll(() => {
  for (const child of started) child.kill();
  rmSync(layout, { recursive: true, force: true });
});

describe('paths outside the site folder are never served', () => {
  const attempts = [
    // The sibling folder and archive that a prefix check without a separator lets through.
    '/..%2fdist-private/secret.txt',
    '/..%2fdist.zip',
    '/%2e%2e%2fdist.zip',
    '/%2E%2E%2Fdist-private%2Fsecret.txt',
    '/rules/..%2f..%2fdist.zip',
    '/rules/%2e%2e/%2e%2e/dist.zip',
    // Raw dot segments, double encoding, backslashes (raw and encoded) and a NUL byte.
    '/../dist.zip',
    '/..%252fdist.zip',
    '/%252e%252e%252fdist-private%252fsecret.txt',
    '/..%5cdist.zip',
    '/..%5Cdist-private%5Csecret.txt',
    '/..\\dist.zip',
    '/..\\dist-private\\secret.txt',
    '/%2e%2e%5cdist.zip',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd',
    '/dist.zip%00',
    '/%E0%A4%A',
  ];
  for (const path of attempts) {
    test(`${path} gets the 404 page`, async () => {
      const reply = await send(path);
      expect(reply.body).not.toContain(SECRET);
      expect(reply.status).toBe(404);
      expect(reply.body).toContain('<title>Page not found</title>');
    });
  }
});

describe('only requests addressed to this server are answered', () => {
  const foreign = [
    'evil.example',
    'evil.example:80',
    // A rebinding page's own name, on the server's port.
    'rebind.evil.example:PORT',
    '127.0.0.1:PORT.evil.example',
    // The right machine on another port, or without the port a browser would send.
    '127.0.0.1:1',
    'localhost',
    '127.0.0.1',
    '[::1]:PORT',
    '',
  ];
  for (const host of foreign) {
    test(`Host "${host}" is refused with 421 and says which hosts are served`, async () => {
      const reply = await send('/', { host: host.replace('PORT', String(port)) });
      expect(reply.status).toBe(421);
      expect(reply.body).toContain(`http://127.0.0.1:${port}/`);
      expect(reply.body).not.toContain('Port overview');
    });
  }

  test('a request without a Host header is refused', async () => {
    const reply = await send('/', { host: null });
    expect(reply.status).toBe(400);
  });

  for (const host of ['127.0.0.1:PORT', 'localhost:PORT', 'LocalHost:PORT']) {
    test(`Host "${host}" is served`, async () => {
      const reply = await send('/', { host: host.replace('PORT', String(port)) });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('<title>Port overview</title>');
    });
  }
});

describe('what a visitor gets', () => {
  test('a rule page is served at its clean URL, and the URL without the slash redirects to it', async () => {
    const page = await send('/rules/sip-tls/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>SIP over TLS</title>');
    const bare = await send('/rules/sip-tls');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/rules/sip-tls/');
  });

  test('an unknown page gets the 404 page with status 404', async () => {
    const reply = await send('/rules/no-such-rule/');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain('<title>Page not found</title>');
  });

  test('an unknown German page gets the German 404 page with status 404', async () => {
    const reply = await send('/de/rules/no-such-rule/');
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('<title>Seite nicht gefunden</title>');
    // Only a path under /de/ is German.
    expect((await send('/design/')).body).toContain('<title>Page not found</title>');
  });

  test('text is gzip-compressed when the client accepts it', async () => {
    const reply = await send('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.body).toContain('<title>Port overview</title>');
  });

  test('only GET and HEAD are answered', async () => {
    const reply = await send('/', { method: 'POST' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });
});

describe('every response carries the headers of _headers for its path', () => {
  const cases: [string, Parameters<typeof send>[1], number][] = [
    ['/', {}, 200],
    ['/', { method: 'HEAD' }, 200],
    ['/', { headers: { 'accept-encoding': 'gzip' } }, 200],
    ['/rules/sip-tls/', {}, 200],
    ['/rules/sip-tls', {}, 301],
    ['/ports/onsite.txt', {}, 200],
    ['/ports/none.txt', {}, 404],
    ['/no-such-page/', {}, 404],
    ['/..%2fdist.zip', {}, 404],
    ['/', { method: 'DELETE' }, 405],
  ];
  for (const [path, options, status] of cases) {
    test(`${options?.method ?? 'GET'} ${path}${options?.headers ? ' (gzip)' : ''}: ${status}`, async () => {
      const reply = await send(path, options);
      expect(reply.status).toBe(status);
      for (const [name, value] of production) expect(reply.headers[name.toLowerCase()], name).toBe(value);
      expect(reply.headers['x-robots-tag']).toBe(path.startsWith('/ports/') ? 'noindex' : undefined);
    });
  }
});

describe('the server refuses to start on a site it cannot serve as deployed', () => {
  test('a malformed _headers file is named with its line', async () => {
    const dir = join(layout, 'bad-headers');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '404.html'), page('Page not found'));
    writeFileSync(join(dir, '_headers'), '/*\n  X-Frame-Options DENY\n');
    await expect(startServer(dir, await freePort())).rejects.toThrow(
      /_headers line 2: "X-Frame-Options DENY" is not a "Name: value" header line/,
    );
  });

  test('a folder without _headers is refused with a hint to build', async () => {
    const dir = join(layout, 'unbuilt');
    mkdirSync(dir, { recursive: true });
    await expect(startServer(dir, await freePort())).rejects.toThrow(/_headers.*npm run build/s);
  });
});
