import { tabFragment } from '../lib/link-scheme';
import { DEPLOYMENTS, type Deployment } from '../schemas/registries';

/** Following URL fragments (rows, old rule ids) loads on demand: most visits have none. */
const fragments = () => import('./tab-fragments');

/**
 * `<pf-tabs>`: turns the deployment sections into WAI-ARIA tabs. Without
 * JavaScript every section stays visible, one after the other. The address bar
 * always names the tab in view, so copying it gives a link to that tab.
 */
class PortTabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];
  /**
   * True once the reader picks a tab, so a fragment followed late does not undo the choice.
   * Kept as data-chosen, which the CSS reads too (port-overview.css).
   */
  get #chosen(): boolean {
    return this.dataset.chosen !== undefined;
  }

  connectedCallback(): void {
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>('.pf-tab')];
    const tablist = this.querySelector<HTMLElement>('.pf-tablist');
    if (!tablist || this.#tabs.length === 0) return;
    // The HTML claims no tabs (PortOverview.astro): the roles come here, all at once, from the
    // code that makes them work. The first tab is selected until #select says otherwise.
    tablist.setAttribute('role', 'tablist');
    if (tablist.dataset.label) tablist.setAttribute('aria-label', tablist.dataset.label);
    this.#tabs.forEach((tab, index) => {
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(index === 0));
      tab.tabIndex = index === 0 ? 0 : -1;
      const panel = this.#panelOf(tab);
      panel?.setAttribute('role', 'tabpanel');
      panel?.setAttribute('aria-labelledby', tab.id);
    });
    tablist.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) this.#choose(tab);
    });
    tablist.addEventListener('keydown', (event) => this.#onKeydown(event));
    window.addEventListener('hashchange', () => void this.#followFragment().catch(() => false));
    // Following a link to the fragment already in the address bar fires no hashchange, so
    // clicking a row link a second time would otherwise do nothing.
    document.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
      if (link && link.hash !== '' && link.hash === window.location.hash)
        void this.#followFragment().catch(() => false);
    });
    if (window.location.hash === '') {
      this.#select(this.#tabs[0]!, { updateUrl: false });
    } else {
      // Until the fragment code has arrived, the page's CSS shows the tab the fragment targets.
      // A tab the reader picks meanwhile stands; if the code cannot load, the first tab shows.
      const fallBack = () => {
        if (!this.#chosen) this.#select(this.#tabs[0]!, { updateUrl: false });
      };
      fragments().then(async () => {
        if (!this.#chosen && !(await this.#followFragment())) fallBack();
      }, fallBack);
    }
  }

  /** Shows the tab (and row) the URL fragment names; false when it names none. */
  async #followFragment(): Promise<boolean> {
    const { followFragment } = await fragments();
    return followFragment(this, (deployment) => {
      const tab = this.#tabFor(deployment);
      if (tab) this.#select(tab, { updateUrl: false });
      return tab !== undefined;
    });
  }

  #choose(tab: HTMLButtonElement): void {
    // The address now changes by script, which leaves :target on the linked panel; from here on
    // every panel reached with the keyboard shows the focus ring (port-overview.css).
    this.dataset.chosen = '';
    // A note on a link that led nowhere (tab-fragments.ts) is answered once the reader picks a tab.
    this.querySelector('.pf-link-note')?.remove();
    this.#select(tab, { updateUrl: true });
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
    this.#choose(tab);
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
    // From here on the script, not the CSS for unscripted fragments, decides which panel shows.
    this.dataset.enhanced = '';
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
