import { onDemand } from './on-demand';

/**
 * `<pf-check>`, the in-page connectivity check at the end of a tab (ConnectivityCheck.astro).
 * Its form is hidden in the HTML, so a page without JavaScript shows no button that does
 * nothing; the element shows it, fills in the instance from the address (`host`, the snippet
 * panel's parameter) and loads the check's code only when the reader presses the button.
 */
const check = onDemand(() => import('./check'));

class PfCheck extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    if (!form) return;
    const input = form.querySelector('input');
    const host = new URLSearchParams(window.location.search).get('host');
    if (input && host !== null && input.value === '') input.value = host.slice(0, 300);
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void check.load().then((module) => module?.runCheck(this));
    });
  }
}

if (!customElements.get('pf-check')) customElements.define('pf-check', PfCheck);
