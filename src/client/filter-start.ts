import { endFirstPaintFilter } from '../lib/ui/first-paint';
import { queryHasFilter } from '../lib/url/params';
import { EVENTS, listen } from './events';
import { loadOnEvents, onDemand } from './on-demand';

/**
 * Starts `<pf-filter>` on demand. Its code (filter.ts) is the page's largest
 * script, and most readers never filter, so it loads only when the address
 * already holds a filter, or when the reader reaches for the filter (pointer
 * over it, focus in it, a press). Until it has arrived, the page's first-paint
 * script applies each press (src/lib/ui/first-paint.ts): it writes the press
 * into the address and shows it through its stylesheet at once, and the filter
 * reads the address when it starts, so no press or keystroke is lost.
 */
const filter = document.querySelector('pf-filter');
const filterCode = onDemand(() => import('./filter'));

/** Loads the filter; if it cannot load (offline, say), the first paint's filter ends and every row shows. */
function start(): void {
  void filterCode.load().then((module) => {
    if (!module) endFirstPaintFilter();
  });
}

if (filter) {
  if (queryHasFilter(window.location.search)) start();
  loadOnEvents(filter, ['pointerover', 'focusin'], filterCode);
  for (const type of ['click', 'input', 'change']) {
    filter.addEventListener(type, () => {
      if (!filterCode.loaded) start();
    });
  }
  // Until the filter runs, nothing is hidden: the result line is the one the build wrote for the
  // tab in view (Filter.astro), one line per tab so the first paint can show the linked tab's. Once
  // a tab is shown, the line of that tab becomes the whole status text, so the live region and
  // anything reading it hear one line; the filter writes its own once it starts.
  const count = filter.querySelector('[data-filter-count]');
  const lines = new Map(
    [...filter.querySelectorAll<HTMLElement>('[data-count-for]')].map((line) => [
      line.dataset.countFor,
      line.textContent,
    ]),
  );
  listen(
    EVENTS.tabChange,
    ({ deployment }) => {
      const line = lines.get(deployment);
      if (filterCode.loaded || !count || line === undefined) return;
      if (count.textContent !== line) count.textContent = line;
    },
    { replay: true },
  );
}
