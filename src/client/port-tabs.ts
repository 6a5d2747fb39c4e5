import { parseFragment, tabFragment } from '../lib/tab-state';
import { DEPLOYMENTS, type Deployment } from '../schemas/registries';

/**
 * `<pf-tabs>`: turns the deployment sections into WAI-ARIA tabs. Without
 * JavaScript every section stays visible, one after the other. The address bar
 * always names the tab in view, so copying it gives a link to that tab.
 */
class PortTabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];

  connectedCallback(): void {
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const tablist = this.querySelector<HTMLElement>('[role="tablist"]');
    if (!tablist || this.#tabs.length === 0) return;
    for (const tab of this.#tabs) {
      const panel = this.#panelOf(tab);
      panel?.setAttribute('role', 'tabpanel');
      panel?.setAttribute('aria-labelledby', tab.id);
    }
    tablist.hidden = false;
    this.dataset.enhanced = '';
    tablist.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) this.#select(tab, { updateUrl: true });
    });
    tablist.addEventListener('keydown', (event) => this.#onKeydown(event));
    window.addEventListener('hashchange', () => this.#followFragment());
    if (!this.#followFragment()) this.#select(this.#tabs[0]!, { updateUrl: false });
  }

  /** Shows the tab (and row) the URL fragment names; false when it names none. */
  #followFragment(): boolean {
    const target = parseFragment(window.location.hash);
    if (!target) return false;
    const tab = this.#tabFor(target.deployment);
    if (!tab) return false;
    this.#select(tab, { updateUrl: false });
    const row = target.anchor ? document.getElementById(target.anchor) : null;
    (row ?? this).scrollIntoView({ block: 'start' });
    return true;
  }

  #onKeydown(event: KeyboardEvent): void {
    const current = this.#tabs.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    const last = this.#tabs.length - 1;
    const next: Record<string, number> = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    const index = next[event.key];
    if (index === undefined) return;
    event.preventDefault();
    const tab = this.#tabs[index]!;
    this.#select(tab, { updateUrl: true });
    tab.focus();
  }

  #select(selected: HTMLButtonElement, { updateUrl }: { updateUrl: boolean }): void {
    for (const tab of this.#tabs) {
      const active = tab === selected;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      const panel = this.#panelOf(tab);
      if (panel) panel.hidden = !active;
    }
    const deployment = selected.dataset.deployment as Deployment;
    this.dataset.active = deployment;
    if (updateUrl) {
      const url = new URL(window.location.href);
      url.hash = tabFragment(deployment);
      history.replaceState(history.state, '', url);
    }
    this.dispatchEvent(new CustomEvent('pf-tab-change', { bubbles: true, detail: { deployment } }));
  }

  #panelOf(tab: HTMLElement): HTMLElement | null {
    const id = tab.getAttribute('aria-controls');
    return id ? document.getElementById(id) : null;
  }

  #tabFor(deployment: Deployment): HTMLButtonElement | undefined {
    if (!DEPLOYMENTS.includes(deployment)) return undefined;
    return this.#tabs.find((tab) => tab.dataset.deployment === deployment);
  }
}

if (!customElements.get('pf-tabs')) customElements.define('pf-tabs', PortTabs);
