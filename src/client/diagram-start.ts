import { EVENTS } from './events';
import { loadOnAnnouncement, onDemand } from './on-demand';

/**
 * Starts the diagrams of the tabs when they have something to follow. A diagram
 * changes only when the filter narrows its tab, and the filter's own code loads
 * on demand; so the diagrams' code loads with the filter's first announcement,
 * and a reader who never filters fetches nothing.
 */
if (document.querySelector('pf-diagram[data-deployment]'))
  loadOnAnnouncement(
    EVENTS.filterChange,
    onDemand(() => import('./diagram')),
  );
