import { EVENTS } from './events';
import { loadOnAnnouncement, onDemand } from './on-demand';

/**
 * Starts the diagrams of the tabs when they have something to follow. A diagram
 * changes only when the filter narrows its tab, and the filter's own code loads
 * on demand; so the diagrams' code loads with the filter's first announcement,
 * or with the first announcement of the reader's instance, which the Cloud
 * diagram then names; a reader who does neither fetches nothing.
 */
if (document.querySelector('pf-diagram[data-deployment]')) {
  const diagram = onDemand(() => import('./diagram'));
  loadOnAnnouncement(EVENTS.filterChange, diagram);
  loadOnAnnouncement(EVENTS.instanceChange, diagram);
}
