// The tabs must be ready before the filter starts, so that the filter can ask
// them which tab is in view; importing them first guarantees that order.
import './port-tabs';
import {
  compileFilter,
  emptyFilter,
  ignoredFilterValues,
  isFilterActive,
  parseFilterState,
  ruleFromRow,
  serialiseFilterState,
  toggleDevice,
  type FilterChangeDetail,
  type FilterState,
  type FilterableRule,
} from '../lib/url/filter-state';
import { describeCount, describeTabCount } from '../lib/ui/counts';
import { describeIgnoredFilter } from '../lib/url/notices';
import { parseFragment } from '../lib/url/fragment';
import { FILTER_EVENTS, filterAction, pendingFilterActions, type FilterAction } from './filter-actions';
import { linkedRow } from './tab-fragments';
import { DEPLOYMENTS, isDeployment, DIRECTIONS, PROTOCOLS, type Deployment } from '../schemas/registries';

/**
 * How long the address bar waits after the last change. history.replaceState
 * costs about as much as filtering 1,000 rows, and typing a port would call it
 * on every key, so the URL is written once the reader pauses.
 */
const URL_WRITE_DELAY_MS = 150;

/**
 * `<pf-filter>`: narrows the port tables of every tab to the rules a reader
 * needs. The tables are complete in the HTML; this element only hides rows, so
 * without JavaScript (when the element stays hidden) every rule is shown. It is
 * loaded on demand by port-filter-loader.ts.
 * The filter lives in the URL query, next to the tab in the fragment, so a
 * filtered view can be linked to and reopens as it was.
 */
class PortFilter extends HTMLElement implements EventListenerObject {
  #devices: string[] = [];
  #state: FilterState = emptyFilter();
  #active: Deployment = DEPLOYMENTS[0];
  /** Per tab: ids of the rules shown, in table order, and how many rules there are. */
  #visible = new Map<Deployment, string[]>();
  #totals = new Map<Deployment, number>();
  // Rows are read once; a WeakMap also picks up rows added later without leaking removed ones.
  #rules = new WeakMap<HTMLTableRowElement, FilterableRule>();
  #urlTimer: number | undefined;
  /** Says which values of the link were ignored, until the filter next writes the address. */
  #note: HTMLElement | undefined;

  connectedCallback(): void {
    this.#devices = [...this.querySelectorAll<HTMLElement>('[data-device]')].map(
      (chip) => chip.dataset.device ?? '',
    );
    this.#state = parseFilterState(window.location.search, this.#devices);
    this.#showIgnored(describeIgnoredFilter(ignoredFilterValues(window.location.search, this.#devices)));
    this.#active = this.#tabInView();
    // A link to a row wins over the filter: rather than hide the row the tabs have just
    // scrolled to, start unfiltered (the address loses the filter too).
    if (this.#hides(linkedRow())) {
      this.#state = emptyFilter();
      this.#scheduleUrlWrite();
    }
    for (const type of FILTER_EVENTS) this.addEventListener(type, this);
    document.addEventListener('pf-tab-change', this);
    this.#showControls();
    this.#apply();
    // What the reader did while this code was loading, in order; then the controls show the result.
    const pending = pendingFilterActions.splice(0);
    for (const action of pending) this.#perform(action);
    if (pending.length > 0) this.#showControls();
    this.#dispatch();
    window.addEventListener('hashchange', this);
  }

  disconnectedCallback(): void {
    for (const type of FILTER_EVENTS) this.removeEventListener(type, this);
    document.removeEventListener('pf-tab-change', this);
    window.removeEventListener('hashchange', this);
    if (this.#urlTimer !== undefined) this.#writeUrl();
  }

  /** The one listener of the element: every control reports here. */
  handleEvent(event: Event): void {
    if (event.type === 'hashchange') {
      this.#revealLinkedRow();
      return;
    }
    if (event.type === 'pf-tab-change') {
      const deployment: unknown = (event as CustomEvent<{ deployment?: unknown } | null>).detail?.deployment;
      // The filter already counts for this tab (it read the fragment when it started).
      if (!isDeployment(deployment) || deployment === this.#active) return;
      this.#active = deployment;
      this.#showResult();
      this.#dispatch();
      return;
    }
    const action = filterAction(event);
    if (action) this.#perform(action);
  }

  #perform(action: FilterAction): void {
    if (action.kind === 'device') {
      this.#change(toggleDevice(this.#state, action.device, this.#devices));
    } else if (action.kind === 'clear') {
      this.#change(emptyFilter());
      this.#showControls();
      // The button just pressed disappears with the filter; keep focus in the filter.
      this.querySelector<HTMLInputElement>('[data-filter="q"]')?.focus();
    } else if (action.field === 'q') {
      this.#change({ ...this.#state, query: action.value });
    } else if (action.field === 'protocol') {
      this.#change({ ...this.#state, protocol: PROTOCOLS.find((protocol) => protocol === action.value) });
    } else {
      this.#change({ ...this.#state, direction: DIRECTIONS.find((direction) => direction === action.value) });
    }
  }

  /**
   * A link to a row wins over the filter: when a fragment the reader follows leads
   * to a row the filter hides, the filter is cleared so the reader sees the row.
   */
  #revealLinkedRow(): void {
    const row = linkedRow();
    if (!row?.hidden) return;
    this.#change(emptyFilter());
    this.#showControls();
    row.scrollIntoView({ block: 'center' });
  }

  /** True when the current filter hides this row. */
  #hides(row: HTMLElement | null): boolean {
    return row instanceof HTMLTableRowElement && !compileFilter(this.#state)(this.#ruleOf(row));
  }

  #scheduleUrlWrite(): void {
    window.clearTimeout(this.#urlTimer);
    this.#urlTimer = window.setTimeout(() => this.#writeUrl(), URL_WRITE_DELAY_MS);
  }

  #change(state: FilterState): void {
    this.#state = state;
    this.#scheduleUrlWrite();
    this.#showChips();
    this.#apply();
    this.#dispatch();
  }

  /** The tab `<pf-tabs>` shows, or the one the fragment names before it has started. */
  #tabInView(): Deployment {
    const shown = document.querySelector<HTMLElement>('pf-tabs')?.dataset.active;
    if (isDeployment(shown)) return shown;
    return parseFragment(window.location.hash)?.deployment ?? DEPLOYMENTS[0];
  }

  #writeUrl(): void {
    window.clearTimeout(this.#urlTimer);
    this.#urlTimer = undefined;
    const url = new URL(window.location.href);
    url.search = serialiseFilterState(this.#state, url.search);
    history.replaceState(history.state, '', url);
    // The address holds only what the filter uses now, so the note about the link is done.
    this.#note?.remove();
    this.#note = undefined;
  }

  /** Puts the note about ignored values of the link above the result line (as text, never markup). */
  #showIgnored(text: string): void {
    if (text === '' || this.#note) return;
    const note = document.createElement('p');
    note.className = 'pf-filter-note';
    note.textContent = text;
    this.querySelector('.pf-filter-result')?.before(note);
    this.#note = note;
  }

  /** Puts the state into every control, as after loading a link or clearing. */
  #showControls(): void {
    this.#showChips();
    const field = (name: string) =>
      this.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-filter="${name}"]`);
    const protocol = field('protocol');
    if (protocol) protocol.value = this.#state.protocol ?? '';
    const direction = field('direction');
    if (direction) direction.value = this.#state.direction ?? '';
    const query = field('q');
    if (query) query.value = this.#state.query;
  }

  #showChips(): void {
    const selected = new Set(this.#state.devices);
    for (const chip of this.querySelectorAll<HTMLElement>('[data-device]')) {
      chip.setAttribute('aria-pressed', String(selected.has(chip.dataset.device ?? '')));
    }
  }

  #ruleOf(row: HTMLTableRowElement): FilterableRule {
    let rule = this.#rules.get(row);
    if (!rule) {
      const title = row.querySelector('.pf-function')?.textContent;
      const purpose = row.querySelector('.pf-detail p')?.textContent;
      rule = ruleFromRow(row.dataset, [title, purpose]);
      this.#rules.set(row, rule);
    }
    return rule;
  }

  /** Shows and hides rows (and whole groups) in every tab, then updates the counts. */
  #apply(): void {
    const matches = compileFilter(this.#state);
    for (const deployment of DEPLOYMENTS) {
      const panel = document.getElementById(deployment);
      if (!panel) continue;
      const shown: string[] = [];
      let total = 0;
      for (const table of panel.querySelectorAll('table')) {
        let shownInTable = 0;
        for (const row of table.querySelectorAll<HTMLTableRowElement>('tr[data-rule]')) {
          total += 1;
          const show = matches(this.#ruleOf(row));
          // Only touch rows that change, so a filter change costs little on long tables.
          if (row.hidden === show) row.hidden = !show;
          if (show) {
            shownInTable += 1;
            shown.push(row.dataset.rule ?? '');
          }
        }
        this.#showGroup(table, shownInTable > 0);
      }
      this.#visible.set(deployment, shown);
      const tabCount = document.querySelector(`[role="tab"][data-deployment="${deployment}"] .pf-tab-count`);
      if (tabCount) tabCount.textContent = describeTabCount(shown.length, total);
      this.#totals.set(deployment, total);
    }
    this.#showResult();
    const clear = this.querySelector<HTMLElement>('.pf-filter-result [data-filter-clear]');
    if (clear) clear.hidden = !isFilterActive(this.#state);
  }

  /**
   * Hides a table whose rows are all filtered out, together with its heading and
   * introduction (its group), so no empty table is left behind.
   */
  #showGroup(table: HTMLTableElement, visible: boolean): void {
    const group = table.closest<HTMLElement>('.pf-group') ?? table;
    if (group.hidden === visible) group.hidden = !visible;
  }

  /** The result line and the empty state for the tab in view. */
  #showResult(): void {
    const shown = this.#visible.get(this.#active)?.length ?? 0;
    const total = this.#totals.get(this.#active) ?? 0;
    const count = this.querySelector<HTMLElement>('[data-filter-count]');
    const text = describeCount(shown, total);
    // Rewriting equal text would make some screen readers repeat it.
    if (count && count.textContent !== text) count.textContent = text;
    for (const empty of this.querySelectorAll<HTMLElement>('[data-filter-empty]')) {
      empty.hidden = !(empty.dataset.filterEmpty === this.#active && shown === 0 && total > 0);
    }
  }

  #dispatch(): void {
    const detail: FilterChangeDetail = {
      deployment: this.#active,
      ruleIds: [...(this.#visible.get(this.#active) ?? [])],
    };
    document.dispatchEvent(new CustomEvent('pf-filter-change', { bubbles: true, detail }));
  }
}

if (!customElements.get('pf-filter')) customElements.define('pf-filter', PortFilter);
