import { EVENTS, listen } from './events';
import { onDemand } from './on-demand';

/**
 * Starts the exact Cloud target (`<your-instance>.pascom.cloud` until the reader names theirs).
 * Its code loads only when there is an instance to show: a `host` in the address, or the snippet
 * panel announcing one; the page's start stays as light as before.
 */
if (document.querySelector('[data-instance-domain]')) {
  const targets = onDemand(() => import('./instance'));
  if (new URLSearchParams(window.location.search).has('host')) void targets.load();
  listen(EVENTS.instanceChange, () => void targets.load(), { replay: true });
}
