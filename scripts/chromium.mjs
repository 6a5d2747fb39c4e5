// Debian's Chromium, shared by the browser tests, Lighthouse and the benchmarks.
// Browsers cannot be downloaded on our machines, so tools use the system one
// (override with CHROMIUM_PATH). The flags keep it from reaching out to the
// network, which is closed here, and let it run as root in a container.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The browser tests run in Chromium's headless shell (Debian's chromium-headless-shell, the same
// engine and version without the full browser around it), which is what Playwright itself runs
// for headless tests. It opens a page in about half the time of the full browser's headless mode:
// the whole browser suite took 3.4 instead of 7.9 minutes on a 2-core machine (one run each).
export const HEADLESS_SHELL_PATH = process.env.HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';

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
