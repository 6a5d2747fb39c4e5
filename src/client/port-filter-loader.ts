import { describeCount } from '../lib/ui/counts';
import { queryHasFilter } from '../lib/url/params';
import { isDeployment } from '../schemas/registries';
import { FILTER_EVENTS, filterAction, pendingFilterActions } from './filter-actions';

/**
 * Starts `<pf-filter>` on demand. Its code (port-filter.ts) is the page's
 * largest script, and most readers never filter, so it loads only when the
 * address already holds a filter, or when the reader reaches for the filter
 * (pointer over it, focus in it). Anything they do before it has arrived is
 * queued and performed once it starts, so no press or keystroke is lost.
 */
const filter = document.querySelector('pf-filter');
// A failed load (offline, say) leaves the tables as they are, unfiltered.
const load = () => import('./port-filter').catch(() => undefined);
const started = () => customElements.get('pf-filter') !== undefined;

if (filter) {
  if (queryHasFilter(window.location.search)) {
    void load();
  } else {
    for (const type of ['pointerover', 'focusin'])
      filter.addEventListener(type, () => void load(), { once: true });
  }
  for (const type of FILTER_EVENTS) {
    filter.addEventListener(type, (event) => {
      if (started()) return;
      const action = filterAction(event);
      if (!action) return;
      pendingFilterActions.push(action);
      void load();
    });
  }
  // Until the filter runs, nothing is hidden: the result line names the whole tab in view.
  document.addEventListener('pf-tab-change', (event) => {
    const deployment: unknown = (event as CustomEvent<{ deployment?: unknown } | null>).detail?.deployment;
    const count = filter.querySelector('[data-filter-count]');
    if (started() || !count || !isDeployment(deployment)) return;
    const total = document.getElementById(deployment)?.querySelectorAll('tr[data-rule]').length ?? 0;
    count.textContent = describeCount(total, total);
  });
}
