// Measures how long one filter change takes on a port table of 1,000 rules.
//
// Run after a build: `npm run build && npm run bench:filter`. It serves dist/ with
// scripts/serve-dist.mjs on 127.0.0.1, opens the overview in Chromium, grows the Cloud
// table to 1,000 rows by cloning the built rows (each clone gets its own rule id,
// ports and devices, so filters hit a realistic mix), then applies a fixed cycle
// of filter changes and prints the median time per change. The target is one
// frame, 16 ms. This is a benchmark, not a test: it prints figures and never fails
// on them.
//
// It also measures the floor: what the browser alone needs to show the same result.
// One recorded round notes, for every step, each change the filter made to the page
// (rows and groups shown or hidden, pressed chips, counts, field values, focus); the
// floor replays exactly those changes as bare DOM writes, with no filter code, and is
// measured the same way. Our figure divided by the floor says how much the filter adds
// to the browser's own unavoidable restyle and layout.
// The functions given to page.evaluate run in the page, where these are the browser's globals.
/* global document, window, requestAnimationFrame, customElements */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { machineLine, median, percentile, serveDist } from './bench-server.mjs';

const RULES = Number(process.env.BENCH_RULES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);
const WARM_UP_ROUNDS = 3;

const { base, stop } = await serveDist();
let browser;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}#cloud`);
  await page.locator('pf-filter:not([hidden])').waitFor();

  // Grow the Cloud table to RULES rows. Devices and ports vary with the index so
  // that every filter below keeps some rows and hides others. The filter matches
  // rows against the page's data (src/lib/ui/overview-data.ts), not their markup,
  // so each synthetic row is added there too, before the filter's code loads.
  const rows = await page.evaluate((total) => {
    const island = document.getElementById('pf-overview-data');
    const data = JSON.parse(island.textContent);
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
      const to = index % 5 === 0 ? from + 500 : from;
      row.querySelector('.pf-port').textContent = to === from ? String(from) : `${from}-${to}`;
      row.querySelector('.pf-function').textContent = `Synthetic service ${index}`;
      body.append(row);
      data.rules[row.dataset.rule] = {
        tabs: { cloud: 'outbound' },
        devices: row.dataset.devices.split(' '),
        protocols: [row.dataset.protocols],
        ports: [[from, to]],
        text: `synthetic service ${index} ${row.dataset.protocols}`,
      };
    }
    island.textContent = JSON.stringify(data);
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
      document.documentElement.getBoundingClientRect();
    };
    return window.benchSteps.length - 1;
  });

  // The filter's code loads when the reader reaches for it; load it, and run one round so
  // that every row has been read once, before anything is recorded or measured.
  await page.locator('pf-filter').hover();
  await page.waitForFunction(() => customElements.get('pf-filter') !== undefined);
  await page.evaluate(async (steps) => {
    for (let index = 0; index < steps; index += 1) {
      window.benchRun(index);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }, stepCount);

  // Record one round of the real filter: after each step, every attribute, text and form
  // value that ended up different, and where the focus went. Only net changes count, so
  // the floor below makes the fewest writes that give the same page.
  const recorded = await page.evaluate((steps) => {
    const fields = [...document.querySelectorAll('pf-filter input, pf-filter select')];
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.body, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      childList: true,
      characterData: true,
      characterDataOldValue: true,
    });
    // A picture of what a reader sees, to prove the replay reaches the same page.
    const picture = () =>
      [
        [...document.querySelectorAll('pf-tabs [hidden], pf-filter [hidden]')].length,
        [...document.querySelectorAll('#cloud tr[data-rule]')].map((row) => (row.hidden ? 0 : 1)).join(''),
        document.querySelector('pf-tabs').textContent,
        document.querySelector('pf-filter').textContent,
        fields.map((field) => field.value).join('|'),
        [...document.querySelectorAll('[aria-pressed]')]
          .map((chip) => chip.getAttribute('aria-pressed'))
          .join(''),
      ].join('\n');
    window.floorSteps = [];
    window.floorPictures = [];
    const counts = [];
    for (let index = 0; index < steps; index += 1) {
      observer.takeRecords();
      const values = fields.map((field) => field.value);
      const focused = document.activeElement;
      window.benchSteps[index]();
      const attributes = new Map();
      const texts = new Map();
      for (const record of observer.takeRecords()) {
        if (record.type === 'attributes') {
          const key = `${record.attributeName}`;
          const seen = attributes.get(record.target) ?? new Map();
          if (!seen.has(key)) seen.set(key, record.oldValue);
          attributes.set(record.target, seen);
        } else {
          // Text rewritten by textContent replaces the element's children; keep the text it had.
          const element = record.type === 'characterData' ? record.target.parentElement : record.target;
          if (element.children.length > 0)
            throw new Error('The filter added or removed elements; the floor replays text only.');
          if (texts.has(element)) continue;
          const before =
            record.type === 'characterData'
              ? record.oldValue
              : [...record.removedNodes].map((node) => node.textContent).join('');
          texts.set(element, before);
        }
      }
      const changes = [];
      for (const [element, seen] of attributes) {
        for (const [name, before] of seen) {
          const after = element.getAttribute(name);
          if (after !== before) changes.push({ kind: 'attribute', element, name, value: after });
        }
      }
      for (const [element, before] of texts) {
        if (element.textContent !== before)
          changes.push({ kind: 'text', element, value: element.textContent });
      }
      fields.forEach((field, position) => {
        if (field.value !== values[position])
          changes.push({ kind: 'value', element: field, value: field.value });
      });
      if (document.activeElement !== focused)
        changes.push({ kind: 'focus', element: document.activeElement });
      window.floorSteps.push(changes);
      window.floorPictures.push(picture());
      counts.push({
        rows: changes.filter((change) => change.element.matches?.('tr[data-rule]')).length,
        other: changes.filter((change) => !change.element.matches?.('tr[data-rule]')).length,
      });
    }
    observer.disconnect();
    // The floor: the recorded changes of one step as bare DOM writes, in one batch.
    window.floorApply = (index) => {
      for (const change of window.floorSteps[index]) {
        if (change.kind === 'attribute') {
          if (change.value === null) change.element.removeAttribute(change.name);
          else change.element.setAttribute(change.name, change.value);
        } else if (change.kind === 'text') change.element.textContent = change.value;
        else if (change.kind === 'value') change.element.value = change.value;
        else change.element.focus();
      }
    };
    window.floorRun = (index) => {
      window.floorApply(index);
      document.documentElement.getBoundingClientRect();
    };
    // Replay one round and compare: the floor must produce the page the filter produced.
    const mismatches = [];
    for (let index = 0; index < steps; index += 1) {
      window.floorApply(index);
      if (picture() !== window.floorPictures[index]) mismatches.push(index + 1);
    }
    return { counts, mismatches };
  }, stepCount);
  if (recorded.mismatches.length > 0) {
    throw new Error(
      `The floor's replay differs from the filter's after steps ${recorded.mismatches.join(', ')}`,
    );
  }

  // Pass 1, wall-clock time inside the page, one frame apart. Rounds of the filter and
  // of the floor take turns, so a busy spell on the machine weighs on both alike. Each
  // round ends where it began (the last step clears the filter), so they can alternate.
  const walls = await page.evaluate(
    async ({ rounds, warmUp, steps }) => {
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const runners = {
        filter: (index) => window.benchSteps[index](),
        floor: (index) => window.floorApply(index),
      };
      const samples = {};
      for (const name of Object.keys(runners)) samples[name] = { script: [], sync: [], frame: [], step: [] };
      for (let round = 0; round < rounds + warmUp; round += 1) {
        for (const [name, run] of Object.entries(runners)) {
          for (let index = 0; index < steps; index += 1) {
            await nextFrame();
            const start = performance.now();
            run(index);
            const scripted = performance.now();
            document.documentElement.getBoundingClientRect();
            const laidOut = performance.now();
            await nextFrame();
            const painted = performance.now();
            if (round >= warmUp) {
              samples[name].script.push(scripted - start);
              samples[name].sync.push(laidOut - start);
              samples[name].frame.push(painted - start);
              samples[name].step.push(index);
            }
          }
        }
      }
      return samples;
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
  const cpuOf = async (runner, index) => {
    const before = await threadTime();
    await page.evaluate(({ runner, step }) => window[runner](step), { runner, step: index });
    return (await threadTime()) - before;
  };
  const cpu = { filter: [], floor: [] };
  const overhead = [];
  const runnerOf = { filter: 'benchRun', floor: 'floorRun' };
  for (let round = 0; round < ROUNDS + WARM_UP_ROUNDS; round += 1) {
    for (const name of ['filter', 'floor']) {
      for (let index = 0; index < stepCount; index += 1) {
        const used = await cpuOf(runnerOf[name], index);
        const idle = await cpuOf('benchRun', stepCount);
        if (round >= WARM_UP_ROUNDS) {
          cpu[name].push(used);
          overhead.push(idle);
        }
      }
    }
  }
  const asking = median(overhead);
  for (const name of ['filter', 'floor'])
    walls[name].cpu = cpu[name].map((used) => Math.max(0, used - asking));

  const ours = walls.filter;
  const floor = walls.floor;
  const format = (ms) => `${ms.toFixed(2)} ms`;
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  console.log(`Port filter benchmark: ${rows} rules in the Cloud table, ${ours.sync.length} filter changes`);
  console.log(
    `  filter script only:       median ${format(median(ours.script))}, p95 ${format(percentile(ours.script, 95))}`,
  );
  console.log(
    `  handler + style + layout: median ${format(median(ours.sync))}, p95 ${format(percentile(ours.sync, 95))}`,
  );
  console.log(
    `  until the next frame:     median ${format(median(ours.frame))}, p95 ${format(percentile(ours.frame, 95))}`,
  );
  console.log(
    `  main-thread CPU time:     median ${format(median(ours.cpu))}, p95 ${format(percentile(ours.cpu, 95))}`,
  );
  console.log(`  target: under 16 ms per change (handler + style + layout)`);
  console.log(
    `Floor: the same page changes as bare DOM writes, no filter code (${floor.sync.length} changes)`,
  );
  for (const [label, measure] of [
    ['handler + style + layout', 'sync'],
    ['main-thread CPU time    ', 'cpu'],
  ]) {
    const [a, b] = [median(ours[measure]), median(floor[measure])];
    console.log(`  ${label}: ours ${format(a)}, floor ${format(b)}, ratio ${ratio(a, b)}`);
  }
  // Per step, so a step that costs far more than its floor stands out.
  console.log('  per step (handler + style + layout, medians; rows changed + other changes):');
  for (let index = 0; index < stepCount; index += 1) {
    const of = (samples) => median(samples.sync.filter((_, sample) => samples.step[sample] === index));
    const { rows: changedRows, other } = recorded.counts[index];
    console.log(
      `    step ${index + 1}: ours ${format(of(ours))}, floor ${format(of(floor))}, ratio ${ratio(of(ours), of(floor))} (${changedRows} + ${other})`,
    );
  }
  console.log(`  ${await machineLine()}`);
} finally {
  await browser?.close();
  stop();
}
