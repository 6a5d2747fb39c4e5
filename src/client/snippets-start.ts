import { loadNearViewport, onDemand } from './on-demand';

/**
 * Starts `<pf-snippets>` when it is needed. The panel sits below the tables, and
 * its code (the form, settings validation, platform registry, styles) is the
 * page's largest script. It loads once the panel nears the viewport, so the first
 * load stays light and readers who never scroll down fetch nothing; each
 * generator then loads on demand. If it cannot load, the panel keeps its link
 * to the published files.
 */
const panel = document.querySelector('pf-snippets');
if (panel)
  loadNearViewport(
    panel,
    onDemand(() => import('./snippets')),
  );
