import { EVENTS, listen } from './events';
import { onDemand } from './on-demand';

/**
 * `<pf-check>`, the in-page connectivity check at the end of a tab (ConnectivityCheck.astro).
 * Its form is hidden in the HTML, so a page without JavaScript shows no button that does
 * nothing; the element shows it and loads the check's code only when the reader presses the
 * button, or when there is an instance to name: the address's `host` (the snippet panel's
 * parameter) or the panel's announcement of its field. Until then the HTML's sentence stands,
 * which links to that field.
 */
const check = onDemand(() => import('./check'));

class PfCheck extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void check.load().then((module) => module?.runCheck(this));
    });
    if (!this.querySelector('.pf-check-instance')) return;
    const update = (announced: string | undefined) => {
      const given = new URLSearchParams(window.location.search).get('host');
      if (announced === undefined && !given && !check.loaded) return;
      void check.load().then((module) => module?.showInstance(this, announced));
    };
    update(undefined);
    listen(EVENTS.instanceChange, (detail) => update(detail.host), { replay: true });
  }
}

if (!customElements.get('pf-check')) customElements.define('pf-check', PfCheck);
