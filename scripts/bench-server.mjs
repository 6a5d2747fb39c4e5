// What the browser benchmarks share: the built site served as production serves it
// (scripts/serve-dist.mjs, on a free port of 127.0.0.1) and the statistics they print.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, so a benchmark never collides with a running test server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // The server is not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s; did you run "npm run build"?`);
}

/**
 * Serves dist/ and resolves, once it answers, with its base URL and a function
 * that stops it. The server runs in its own process group, and only that group is
 * ended.
 */
export async function serveDist() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn('node', ['scripts/serve-dist.mjs', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // It has already stopped.
    }
  };
  try {
    await waitFor(base, 60_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** How busy the machine was, printed under the figures: other work inflates every one of them. */
export async function machineLine() {
  const { loadavg, cpus } = await import('node:os');
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  return `machine: ${cpus().length} CPUs, load average ${load}`;
}
