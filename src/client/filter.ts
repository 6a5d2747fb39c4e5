import {
  compileFilter,
  emptyFilter,
  ignoredFilterValues,
  isFilterActive,
  normaliseQuery,
  parseFilterState,
  serialiseFilterState,
  toggleDevice,
  type FilterState,
  type FilterableRule,
} from '../lib/url/filter-state';
import { describeCount, describeTabCount } from '../lib/ui/counts';
import { endFirstPaintFilter } from '../lib/ui/first-paint';
import { filterableRule, readOverviewData, type OverviewData } from '../lib/ui/overview-data';
import { describeIgnoredFilter } from '../lib/url/notices';
import { askedPort, rulesWithPort } from '../lib/port-lookup';
import { answerPort } from '../lib/ui/port-search';
import { loadPortIndex, unlistedPortSentence } from './port-index';
import { announce, EVENTS, listen } from './events';
import { FILTER_EVENTS, filterAction, type FilterAction } from './filter-actions';
import { linkedRow } from './tabs-fragments';
import { DEPLOYMENTS, DIRECTIONS, PROTOCOLS, type Deployment } from '../schemas/registries';

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
 * loaded on demand by filter-start.ts, and matches rows against the page's data
 * (src/lib/ui/overview-data.ts), never against their markup. It is the one
 * owner of which rules are visible: it announces them (`EVENTS.filterChange`)
 * when it starts, after each change and after each tab change.
 * The filter lives in the URL query, next to the tab in the fragment, so a
 * filtered view can be linked to and reopens as it was.
 */
class Filter extends HTMLElement implements EventListenerObject {
  #data: OverviewData | undefined;
  #state: FilterState = emptyFilter();
  /** The tab in view, as `<pf-tabs>` announces it; undefined until it has. */
  #active: Deployment | undefined;
  /** Per tab: ids of the rules shown, in table order, and how many rules there are. */
  #visible = new Map<Deployment, string[]>();
  #totals = new Map<Deployment, number>();
  #urlTimer: number | undefined;
  /** Says which values of the link were ignored, until the filter next writes the address. */
  #note: HTMLElement | undefined;
  /** Ends the listening to the tabs when the element leaves the page. */
  #tabs: AbortController | undefined;
  /** The free text of a port no rule lists, as last explained (#explainPort), and whether it now is. */
  #portQuery: string | undefined;
  #portNote: string | undefined;

  connectedCallback(): void {
    this.#data = readOverviewData();
    // Without the page's data the filter cannot match anything; every row stays shown.
    if (!this.#data || this.#tabs) {
      endFirstPaintFilter();
      return;
    }
    const devices = this.#data.devices;
    this.#state = parseFilterState(window.location.search, devices);
    this.#showIgnored(
      describeIgnoredFilter(this.#data.texts, ignoredFilterValues(window.location.search, devices)),
    );
    // A link to a row wins over the filter: rather than hide the row the tabs have just
    // scrolled to, start unfiltered (the address loses the filter too).
    if (this.#hides(linkedRow())) {
      this.#state = emptyFilter();
      this.#scheduleUrlWrite();
    }
    for (const type of FILTER_EVENTS) this.addEventListener(type, this);
    this.#showControls();
    this.#apply();
    // The rows now show what the first paint's stylesheet showed, presses made while this code
    // was loading included (the first-paint script wrote them into the address); from here on
    // the filter decides.
    endFirstPaintFilter();
    // The tab in view: at once if the tabs have started, whichever code arrived first.
    this.#tabs = new AbortController();
    listen(EVENTS.tabChange, ({ deployment }) => this.#onTabChange(deployment), {
      replay: true,
      signal: this.#tabs.signal,
    });
    window.addEventListener('hashchange', this);
  }

  disconnectedCallback(): void {
    for (const type of FILTER_EVENTS) this.removeEventListener(type, this);
    this.#tabs?.abort();
    this.#tabs = undefined;
    window.removeEventListener('hashchange', this);
    if (this.#urlTimer !== undefined) this.#writeUrl();
  }

  /** The one listener of the element: every control reports here. */
  handleEvent(event: Event): void {
    if (event.type === 'hashchange') {
      this.#revealLinkedRow();
      return;
    }
    const action = filterAction(event);
    if (action) this.#perform(action);
  }

  #onTabChange(deployment: Deployment): void {
    if (deployment === this.#active) return;
    this.#active = deployment;
    this.#showResult();
    this.#announce();
  }

  #perform(action: FilterAction): void {
    if (action.kind === 'device') {
      this.#change(toggleDevice(this.#state, action.device, this.#data?.devices ?? []));
    } else if (action.kind === 'clear') {
      this.#change(emptyFilter());
      this.#showControls();
      // The button just pressed disappears with the filter; keep focus in the filter, on its first chip.
      this.querySelector<HTMLElement>('[data-device]')?.focus();
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
    const rule = row instanceof HTMLTableRowElement ? this.#ruleOf(row) : undefined;
    return rule !== undefined && !compileFilter(this.#state)(rule);
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
    this.#announce();
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

  /**
   * Puts the state into every control, as after loading a link or clearing. The
   * fields behind "More filters" are opened when one of them holds a value.
   */
  #showControls(): void {
    this.#showChips();
    const field = (name: string) =>
      this.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-filter="${name}"]`);
    const protocol = field('protocol');
    if (protocol) protocol.value = this.#state.protocol ?? '';
    const direction = field('direction');
    if (direction) direction.value = this.#state.direction ?? '';
    const query = field('q');
    // Text typed while this code was loading stays as typed (a trailing space, say), so the
    // reader's next key lands where they expect it.
    if (query && normaliseQuery(query.value) !== this.#state.query) query.value = this.#state.query;
    const more = this.querySelector<HTMLDetailsElement>('[data-filter-more]');
    const { protocol: p, direction: d, query: q } = this.#state;
    if (more && (p !== undefined || d !== undefined || q !== '')) more.open = true;
  }

  #showChips(): void {
    const selected = new Set(this.#state.devices);
    for (const chip of this.querySelectorAll<HTMLElement>('[data-device]')) {
      chip.setAttribute('aria-pressed', String(selected.has(chip.dataset.device ?? '')));
    }
  }

  /** The rule of a row, from the page's data: the row's tab and rule id say which. */
  #ruleOf(row: HTMLTableRowElement): FilterableRule | undefined {
    const panel = row.closest<HTMLElement>('.pf-panel');
    const deployment = DEPLOYMENTS.find((candidate) => candidate === panel?.id);
    const id = row.dataset.rule;
    if (!this.#data || deployment === undefined || id === undefined) return undefined;
    return filterableRule(this.#data, deployment, id);
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
          const rule = this.#ruleOf(row);
          // A row the data does not know stays shown: the filter never hides what it cannot judge.
          const show = rule === undefined || matches(rule);
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
      const tabCount = document.querySelector(`.pf-tab[data-deployment="${deployment}"] .pf-tab-count`);
      const tabText = this.#data ? describeTabCount(this.#data.texts, shown.length, total) : '';
      // New text in a tab, even equal text, makes the browser lay out the long table again (as
      // costly as showing rows), so the count is written only when it changes.
      if (tabCount && tabCount.textContent !== tabText) tabCount.textContent = tabText;
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
    if (this.#active === undefined) return;
    const shown = this.#visible.get(this.#active)?.length ?? 0;
    const total = this.#totals.get(this.#active) ?? 0;
    const count = this.querySelector<HTMLElement>('[data-filter-count]');
    const text = this.#data ? describeCount(this.#data.texts, shown, total) : '';
    // Rewriting equal text would make some screen readers repeat it.
    if (count && count.textContent !== text) count.textContent = text;
    const nothing = shown === 0 && total > 0;
    const port = nothing ? askedPort(this.#state.query) : undefined;
    const unlisted = port !== undefined && !this.#listsPort(port) ? this.#state.query : undefined;
    const explained = unlisted !== undefined && this.#portNote === unlisted;
    for (const empty of this.querySelectorAll<HTMLElement>('[data-filter-empty]')) {
      empty.hidden = !(empty.dataset.filterEmpty === this.#active && nothing && !explained);
    }
    this.#explainPort(unlisted);
  }

  /** Whether any rule, in any tab, lists the port (inside a range or as itself). */
  #listsPort(port: number): boolean {
    const rules = Object.entries(this.#data?.rules ?? {}).map(([id, facts]) => ({
      id,
      ports: facts.ports.map(([from, to]) => ({ from, to })),
    }));
    return rulesWithPort(rules, port).length > 0;
  }

  /**
   * For a search for a port no rule lists (5060, say), says so and names the nearest
   * listed port's rule, linked to its page, instead of the general sentence. The
   * rules' titles and pages come with the site search's port index, fetched the first
   * time this is needed; until it is there, or if it cannot be had, the general
   * sentence stays.
   */
  #explainPort(query: string | undefined): void {
    const note = this.querySelector<HTMLElement>('[data-filter-port]');
    if (!note || query === this.#portQuery) return;
    this.#portQuery = query;
    this.#portNote = undefined;
    note.hidden = true;
    note.replaceChildren();
    if (query === undefined) return;
    void loadPortIndex().then((index) => {
      const answer = index && answerPort(index, query);
      if (this.#portQuery !== query || !index || !answer || !('nearest' in answer)) return;
      note.replaceChildren(...unlistedPortSentence(answer, index.texts));
      note.hidden = false;
      this.#portNote = query;
      this.#showResult();
    });
  }

  /** Tells every listener which rules the tab in view shows; nothing before the tab is known. */
  #announce(): void {
    if (this.#active === undefined) return;
    announce(EVENTS.filterChange, {
      deployment: this.#active,
      ruleIds: [...(this.#visible.get(this.#active) ?? [])],
      deviceIds: [...this.#state.devices],
    });
  }
}

if (!customElements.get('pf-filter')) customElements.define('pf-filter', Filter);
