// Measures how long one filter change takes on a port table of 1,000 rules.
//
// Run after a build: `npm run build && npm run bench:filter`. It serves dist/ with
// scripts/serve-dist.mjs on 127.0.0.1, opens the overview in Chromium, grows the Cloud
// table to 1,000 rows by cloning the built rows (each clone gets its own rule id,
// ports and devices, so filters hit a realistic mix), then applies a fixed cycle
// of filter changes and prints the median time per change. The target is one
// frame, 16 ms. This is a benchmark, not a test: it prints figures and never fails
// on them.
// The functions given to page.evaluate run in the page, where these are the browser's globals.
/* global document, window, requestAnimationFrame */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const RULES = Number(process.env.BENCH_RULES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const WARM_UP_ROUNDS = 3;

/** A free TCP port on 127.0.0.1, so the benchmark never collides with a running test server. */
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const port = await freePort();
const base = `http://127.0.0.1:${port}/`;
const preview = spawn('node', ['scripts/serve-dist.mjs', '--port', String(port)], {
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
let browser;
try {
  await waitFor(base, 60_000);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}#cloud`);
  await page.locator('pf-filter:not([hidden])').waitFor();

  // Grow the Cloud table to RULES rows. Devices and ports vary with the index so
  // that every filter below keeps some rows and hides others.
  const rows = await page.evaluate((total) => {
    const body = document.querySelector('#cloud table tbody');
    const originals = [...body.querySelectorAll('tr[data-rule]')];
    const deviceSets = ['phone', 'desktop mobile', 'web', 'server', 'desktop phone mobile', 'mobile web'];
    for (let index = originals.length; index < total; index += 1) {
      const row = originals[index % originals.length].cloneNode(true);
      row.id = `cloud-bench-${index}`;
      row.dataset.rule = `bench-${index}`;
      row.dataset.devices = deviceSets[index % deviceSets.length];
      row.dataset.protocols = index % 3 === 0 ? 'udp' : 'tcp';
      const from = 1024 + ((index * 37) % 60000);
      row.dataset.ports = index % 5 === 0 ? `${from}-${from + 500}` : String(from);
      row.querySelector('.pf-port').textContent = row.dataset.ports;
      row.querySelector('.pf-function').textContent = `Synthetic service ${index}`;
      body.append(row);
    }
    // A table this long is marked as long by the build (src/components/PortTable.astro).
    body.closest('table').classList.add('pf-table-long');
    return document.querySelectorAll('#cloud tr[data-rule]').length;
  }, RULES);

  // The filter changes of one round, each one a change a reader could make. They
  // live in the page so that both passes below run exactly the same steps.
  const stepCount = await page.evaluate(() => {
    const filter = document.querySelector('pf-filter');
    const chip = (id) => filter.querySelector(`[data-device="${id}"]`);
    const setField = (name, value, type) => {
      const element = filter.querySelector(`[data-filter="${name}"]`);
      element.value = value;
      element.dispatchEvent(new Event(type, { bubbles: true }));
    };
    window.benchSteps = [
      () => chip('phone').click(),
      () => chip('web').click(),
      () => setField('protocol', 'udp', 'change'),
      () => setField('q', '31000', 'input'),
      () => setField('q', 'synthetic 4', 'input'),
      () => setField('protocol', '', 'change'),
      () => setField('direction', 'outbound', 'change'),
      () => filter.querySelector('.pf-filter-result [data-filter-clear]').click(),
      () => undefined,
    ];
    // Runs one step and forces the style and layout work it caused by reading layout.
    window.benchRun = (index) => {
      window.benchSteps[index]();
      // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- the read forces layout; `void` says its value is not wanted.
      void document.documentElement.offsetHeight;
    };
    return window.benchSteps.length - 1;
  });

  // Pass 1, wall-clock time inside the page, one frame apart.
  const samples = await page.evaluate(
    async ({ rounds, warmUp, steps }) => {
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const script = [];
      const sync = [];
      const frame = [];
      for (let round = 0; round < rounds + warmUp; round += 1) {
        for (let index = 0; index < steps; index += 1) {
          await nextFrame();
          const start = performance.now();
          window.benchSteps[index]();
          const scripted = performance.now();
          // eslint-disable-next-line @typescript-eslint/no-meaningless-void-operator -- the read forces layout; `void` says its value is not wanted.
          void document.documentElement.offsetHeight;
          const laidOut = performance.now();
          await nextFrame();
          const painted = performance.now();
          if (round >= warmUp) {
            script.push(scripted - start);
            sync.push(laidOut - start);
            frame.push(painted - start);
          }
        }
      }
      return { script, sync, frame };
    },
    { rounds: ROUNDS, warmUp: WARM_UP_ROUNDS, steps: stepCount },
  );

  // Pass 2, CPU time of the page's main thread, which other processes on a busy
  // machine do not inflate. The cost of asking is measured with an empty step and
  // taken off.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find(({ name }) => name === 'ThreadTime').value * 1000;
  const cpuOf = async (index) => {
    const before = await threadTime();
    await page.evaluate((step) => window.benchRun(step), index);
    return (await threadTime()) - before;
  };
  const cpu = [];
  const overhead = [];
  for (let round = 0; round < ROUNDS + WARM_UP_ROUNDS; round += 1) {
    for (let index = 0; index < stepCount; index += 1) {
      const used = await cpuOf(index);
      const idle = await cpuOf(stepCount);
      if (round >= WARM_UP_ROUNDS) {
        cpu.push(used);
        overhead.push(idle);
      }
    }
  }
  const asking = median(overhead);
  samples.cpu = cpu.map((used) => Math.max(0, used - asking));

  const format = (ms) => `${ms.toFixed(2)} ms`;
  console.log(
    `Port filter benchmark: ${rows} rules in the Cloud table, ${samples.sync.length} filter changes`,
  );
  console.log(
    `  filter script only:       median ${format(median(samples.script))}, p95 ${format(percentile(samples.script, 95))}`,
  );
  console.log(
    `  handler + style + layout: median ${format(median(samples.sync))}, p95 ${format(percentile(samples.sync, 95))}`,
  );
  console.log(
    `  until the next frame:     median ${format(median(samples.frame))}, p95 ${format(percentile(samples.frame, 95))}`,
  );
  console.log(
    `  main-thread CPU time:     median ${format(median(samples.cpu))}, p95 ${format(percentile(samples.cpu, 95))}`,
  );
  console.log(`  target: under 16 ms per change (handler + style + layout)`);
  // Other work on the machine inflates every figure; the load average says how busy it was.
  const { loadavg, cpus } = await import('node:os');
  console.log(
    `  machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser?.close();
  // The preview server runs in its own process group; end that group only.
  try {
    process.kill(-preview.pid, 'SIGTERM');
  } catch {
    // It has already stopped.
  }
}
