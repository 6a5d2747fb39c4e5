import { tabFragment } from '../lib/url/link-scheme';
import { endFirstPaintTab, firstPaintTab } from '../lib/ui/first-paint';
import { DEPLOYMENTS, type Deployment } from '../schemas/registries';
import { announce, EVENTS } from './events';
import { onDemand } from './on-demand';

/** Following URL fragments (rows, old rule ids) loads on demand: most visits have none. */
const fragments = onDemand(() => import('./tabs-fragments'));

/**
 * `<pf-tabs>`: turns the deployment sections into WAI-ARIA tabs. The HTML has
 * no tab roles (see Tabs.astro): this element gives the tablist, the tabs and
 * the panels theirs together, once they work. It starts on the tab the first
 * paint already shows (src/lib/ui/first-paint.ts), so nothing switches, and
 * announces the tab in view (`EVENTS.tabChange`) from then on. The address bar
 * always names the tab in view, so copying it gives a link to that tab.
 */
class Tabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];
  #active: Deployment | undefined;
  /**
   * True once the reader picks a tab, so a fragment followed late does not undo the choice.
   * Kept as data-chosen, which the CSS reads too (tabs.css).
   */
  get #chosen(): boolean {
    return this.dataset.chosen !== undefined;
  }

  connectedCallback(): void {
    if (this.#tabs.length > 0) return;
    const tablist = this.querySelector<HTMLElement>('.pf-tablist');
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>('.pf-tablist button[data-deployment]')];
    if (!tablist || this.#tabs.length === 0) return;
    tablist.setAttribute('role', 'tablist');
    // The name, in the page's language, waits in data-label: without the role it would name nothing.
    tablist.setAttribute('aria-label', tablist.dataset.label ?? '');
    for (const tab of this.#tabs) {
      const panel = this.#panelOf(tab);
      tab.setAttribute('role', 'tab');
      if (panel) {
        tab.setAttribute('aria-controls', panel.id);
        panel.setAttribute('role', 'tabpanel');
        panel.setAttribute('aria-labelledby', tab.id);
      }
    }
    tablist.addEventListener('click', (event) => {
      const tab = event.target instanceof Element ? event.target.closest('button') : null;
      if (tab && this.#tabs.includes(tab)) this.#choose(tab);
    });
    tablist.addEventListener('keydown', (event) => this.#onKeydown(event));
    window.addEventListener('hashchange', () => void this.#followFragment());
    // Following a link to the fragment already in the address bar fires no hashchange, so
    // clicking a row link a second time would otherwise do nothing.
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (link instanceof HTMLAnchorElement && link.hash !== '' && link.hash === window.location.hash)
        void this.#followFragment();
    });
    // The tab the first paint shows; should its script not have run, the first tab until the
    // fragment code below has resolved the address.
    const first = firstPaintTab() ?? DEPLOYMENTS[0];
    this.#select(this.#tabFor(first) ?? this.#tabs[0]!, { updateUrl: false });
    endFirstPaintTab();
    // A row, an old id or a fragment that leads nowhere needs the fragment code: it scrolls to
    // and highlights the row, or says the link leads nowhere. A tab the reader picks meanwhile stands.
    if (window.location.hash !== '') void this.#followFragment({ late: true });
  }

  /**
   * Shows the tab (and row) the URL fragment names. The fragment of the address the page
   * opened with arrives late (its code loads on demand): if the reader has picked a tab by
   * then, that choice stands.
   */
  async #followFragment({ late = false }: { late?: boolean } = {}): Promise<void> {
    const module = await fragments.load();
    if (!module || (late && this.#chosen)) return;
    module.followFragment(this, (deployment) => {
      const tab = this.#tabFor(deployment);
      if (tab) this.#select(tab, { updateUrl: false });
      return tab !== undefined;
    });
  }

  #choose(tab: HTMLButtonElement): void {
    // The address now changes by script, which leaves :target on the linked panel; from here on
    // every panel reached with the keyboard shows the focus ring (tabs.css).
    this.dataset.chosen = '';
    // A note on a link that led nowhere (tabs-fragments.ts) is answered once the reader picks a tab.
    this.querySelector('.pf-link-note')?.remove();
    this.#select(tab, { updateUrl: true });
  }

  #onKeydown(event: KeyboardEvent): void {
    const current = this.#tabs.findIndex((tab) => tab === event.target);
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
    // From here on the script, not the first paint's CSS, decides which panel shows.
    this.dataset.enhanced = '';
    const deployment = this.#deploymentOf(selected);
    if (updateUrl) {
      const url = new URL(window.location.href);
      url.hash = tabFragment(deployment);
      history.replaceState(history.state, '', url);
    }
    if (deployment === this.#active) return;
    this.#active = deployment;
    this.dataset.active = deployment;
    announce(EVENTS.tabChange, { deployment });
  }

  #panelOf(tab: HTMLElement): HTMLElement | null {
    return document.getElementById(this.#deploymentOf(tab));
  }

  #deploymentOf(tab: HTMLElement): Deployment {
    return DEPLOYMENTS.find((deployment) => deployment === tab.dataset.deployment) ?? DEPLOYMENTS[0];
  }

  #tabFor(deployment: Deployment): HTMLButtonElement | undefined {
    return this.#tabs.find((tab) => tab.dataset.deployment === deployment);
  }
}

if (!customElements.get('pf-tabs')) customElements.define('pf-tabs', Tabs);
