import { parseFragment, tabFragment } from '../lib/tab-state';
import { LINK_INDEX_ELEMENT_ID, parseLinkIndex, type LinkIndex } from '../lib/link-index';
import { DEPLOYMENTS, type Deployment } from '../schemas/registries';

const HIGHLIGHT_CLASS = 'pf-highlight';

/**
 * `<pf-tabs>`: turns the deployment sections into WAI-ARIA tabs. Without
 * JavaScript every section stays visible, one after the other. The address bar
 * always names the tab in view, so copying it gives a link to that tab.
 */
class PortTabs extends HTMLElement {
  #tabs: HTMLButtonElement[] = [];
  #links: LinkIndex | undefined;

  connectedCallback(): void {
    this.#tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    this.#links = parseLinkIndex(document.getElementById(LINK_INDEX_ELEMENT_ID)?.textContent);
    const tablist = this.querySelector<HTMLElement>('[role="tablist"]');
    if (!tablist || this.#tabs.length === 0) return;
    for (const tab of this.#tabs) {
      const panel = this.#panelOf(tab);
      panel?.setAttribute('role', 'tabpanel');
      panel?.setAttribute('aria-labelledby', tab.id);
    }
    this.dataset.enhanced = '';
    tablist.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) this.#select(tab, { updateUrl: true });
    });
    tablist.addEventListener('keydown', (event) => this.#onKeydown(event));
    window.addEventListener('hashchange', () => this.#followFragment());
    // Following a link to the fragment already in the address bar fires no hashchange, so
    // clicking a row link a second time would otherwise do nothing.
    document.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
      if (link && link.hash !== '' && link.hash === window.location.hash) this.#followFragment();
    });
    if (!this.#followFragment()) this.#select(this.#tabs[0]!, { updateUrl: false });
  }

  /** Shows the tab (and row) the URL fragment names; false when it names none. */
  #followFragment(): boolean {
    const target = parseFragment(window.location.hash, this.#links);
    if (!target) return false;
    const tab = this.#tabFor(target.deployment);
    if (!tab) return false;
    this.#select(tab, { updateUrl: false });
    const element = target.anchor ? document.getElementById(target.anchor) : null;
    for (const previous of this.querySelectorAll(`.${HIGHLIGHT_CLASS}`))
      previous.classList.remove(HIGHLIGHT_CLASS);
    if (element && target.ruleId !== undefined) {
      this.#highlight(element);
    } else {
      (element ?? this).scrollIntoView({ block: 'start' });
    }
    return true;
  }

  /**
   * Marks the linked row, scrolls to it and moves focus there so screen readers
   * announce it. tabindex -1 makes the row focusable by script only, so it never
   * joins the tab order and Tab moves on from it as usual.
   */
  #highlight(row: HTMLElement): void {
    row.classList.add(HIGHLIGHT_CLASS);
    if (!row.hasAttribute('tabindex')) row.tabIndex = -1;
    row.scrollIntoView({ block: 'center' });
    row.focus({ preventScroll: true });
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
