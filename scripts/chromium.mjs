// Debian's Chromium, shared by the browser tests, Lighthouse and the benchmarks.
// Browsers cannot be downloaded on our machines, so tools use the system one
// (override with CHROMIUM_PATH). The flags keep it from reaching out to the
// network, which is closed here, and let it run as root in a container.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
