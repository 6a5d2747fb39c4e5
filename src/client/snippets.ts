import { checkFileName, isCheckVariantId, type CheckVariantId } from '../lib/checks/variants';
import { loadGenerator } from '../lib/firewall/generator';
import { platformInfo, snippetFileName, isPlatformId, type PlatformId } from '../lib/firewall/platforms';
import {
  parseSettings,
  SETTING_FIELDS,
  type SettingField,
  type SettingsForm,
} from '../lib/firewall/settings';
import { parseSnippetData, type SnippetData } from '../lib/firewall/snippet-data';
import { highlightSnippet } from '../lib/firewall/highlight';
import { describeUnknownPlatform } from '../lib/url/notices';
import {
  NOT_VALID,
  PLATFORM_STORAGE_KEY,
  parseSnippetState,
  rejectedSnippetValues,
  updateField,
  type RejectedSnippetValues,
  usesInterfaceNames,
  serialiseSnippetState,
  applicableFields,
} from '../lib/url/snippet-state';
import { foldNotes } from '../lib/firewall/notes-fold';
import { DEPLOYMENTS, type Deployment } from '../schemas/registries';
import {
  formatError,
  formatText,
  parseTexts,
  SNIPPET_PANEL_KEYS,
  type SnippetPanelTexts,
  type ValidationError,
} from '../lib/texts';
import { isJsonObject, parseJson } from '../lib/json';
import { announce, EVENTS, latest, listen } from './events';
import { onDemand } from './on-demand';
import { buildSnippetForm, SNIPPET_CODE_ID, SNIPPET_NOTES_ID } from './snippets-form';
// A URL rather than a plain import: Astro puts stylesheets that client scripts import into every
// page, and the form's styles are only needed once this module has loaded.
import stylesheetUrl from '../styles/snippets.css?url';

/** Resolves once the stylesheet has loaded, or failed to: an unstyled form still works. */
function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}

/**
 * Narrowing the rules to the filter's selection. The generators load one per platform through
 * their registry (loadGenerator), which the build uses too.
 */
const planCode = onDemand(() => import('../lib/firewall/plan'));

/** The check scripts' plan and spellers, loaded when a reader asks for a check script. */
const checkCode = onDemand(() => import('../lib/checks/render'));

/** Requested as soon as the module runs, alongside the rules' data. */
const stylesheet = loadStylesheet(stylesheetUrl);

function isSettingField(value: unknown): value is SettingField {
  return typeof value === 'string' && (SETTING_FIELDS as readonly string[]).includes(value);
}

/**
 * The generator input of both tabs and the panel's texts, in the page's language;
 * undefined when they cannot be fetched or are not what the panel expects.
 */
async function fetchSnippetData(
  src: string | undefined,
): Promise<{ data: SnippetData; texts: SnippetPanelTexts } | undefined> {
  if (!src) return undefined;
  try {
    const response = await fetch(src);
    if (!response.ok) return undefined;
    const json = await response.text();
    const data = parseSnippetData(json);
    const value = parseJson(json);
    const texts = parseTexts(isJsonObject(value) ? value.texts : undefined, SNIPPET_PANEL_KEYS);
    return data && texts ? { data, texts } : undefined;
  } catch {
    return undefined;
  }
}

/** A snippet as highlighted text nodes: whatever the generator wrote is shown as text, never parsed as HTML. */
function highlighted(text: string): Node[] {
  return highlightSnippet(text).map((token) => {
    if (token.kind === 'text') return document.createTextNode(token.text);
    const span = document.createElement('span');
    span.className = `pf-token-${token.kind}`;
    span.textContent = token.text;
    return span;
  });
}

/** Storage can be switched off or full; the panel then simply does not remember. */
function storedPlatform(): string | null {
  try {
    return window.localStorage.getItem(PLATFORM_STORAGE_KEY);
  } catch {
    return null;
  }
}

function rememberPlatform(platform: PlatformId): void {
  try {
    window.localStorage.setItem(PLATFORM_STORAGE_KEY, platform);
  } catch {
    // Not remembering the platform is harmless: the URL still carries it.
  }
}

/**
 * `<pf-snippets>`: firewall rules for the platform the reader picks, for the
 * rules the tab and the filter above show, personalised with the reader's
 * network and names. The server renders only the link to the published
 * plain-text files; the element builds its form once it has the rules' data.
 * Generators load on demand, one per platform.
 */
class Snippets extends HTMLElement implements EventListenerObject {
  #data: SnippetData = {};
  /** The platform the reader chose; none until they choose (no platform is assumed). */
  #platform: PlatformId | undefined;
  /** Whether the reader has unfolded the snippet's header notes. */
  #notesOpen = false;
  /** The settings last known to be valid: what the snippet uses. */
  #form: SettingsForm = {};
  #deployment: Deployment = DEPLOYMENTS[0];
  /** Rule ids the filter leaves visible in the active tab; undefined means all rules of the tab. */
  #ruleIds: string[] | undefined;
  /** Ends the listening to the tabs and the filter when the element leaves the page. */
  #listening: AbortController | undefined;
  #text = '';
  /** How many lines the folded header notes of the shown snippet have; 0 when there are none. */
  #notesLines = 0;
  /** Counts renders, so a slow generator load never overwrites a newer snippet. */
  #renderCount = 0;
  #ready = false;
  /** The form, built once; it stays in the element if the element is moved. */
  #app: HTMLElement | undefined;
  /** The panel's texts, in the page's language, from the page's data. */
  #texts: SnippetPanelTexts | undefined;

  async connectedCallback(): Promise<void> {
    if (this.#ready) return;
    // The form appears only once it is styled, so it never flashes unstyled.
    const [fetched] = await Promise.all([fetchSnippetData(this.dataset.src), stylesheet]);
    const { data, texts } = fetched ?? {};
    // Without data the panel cannot generate anything; the link to the files stays as it is. The
    // element may have been moved and started again while the data was on its way.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- #ready can change during the await
    if (!data || !texts || this.#ready || !this.isConnected) return;
    this.#ready = true;
    this.#data = data;
    this.#texts = texts;
    if (!this.#app) {
      this.#app = buildSnippetForm(texts, Object.values(data)[0]?.lang ?? 'en');
      this.prepend(this.#app);
    }
    const state = parseSnippetState(window.location.search, storedPlatform());
    this.#platform = state.platform;
    this.#form = state.form;
    this.#showControls();
    this.#showRejected(rejectedSnippetValues(window.location.search));
    // The panel's host field is the site's one instance field: the overview and the check follow it.
    this.#announceInstance();
    for (const type of ['change', 'input', 'click']) this.addEventListener(type, this);
    // The tab in view and the rules it shows, as they are now and as they change.
    this.#listening = new AbortController();
    const options = { replay: true, signal: this.#listening.signal };
    listen(EVENTS.tabChange, ({ deployment }) => this.#onTabChange(deployment), options);
    listen(EVENTS.filterChange, ({ deployment, ruleIds }) => this.#show(deployment, ruleIds), options);
    void this.#render();
  }

  disconnectedCallback(): void {
    for (const type of ['change', 'input', 'click']) this.removeEventListener(type, this);
    this.#listening?.abort();
    this.#listening = undefined;
    this.#ready = false;
  }

  /** The one listener of the element's own controls. */
  handleEvent(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.matches('[data-snippet-platform]')) {
      if (event.type === 'change') this.#pickPlatform(isPlatformId(target.value) ? target.value : undefined);
      return;
    }
    if (
      event.type === 'click' &&
      target instanceof Element &&
      target.closest('[data-snippet-notes-toggle]')
    ) {
      this.#notesOpen = !this.#notesOpen;
      this.#showNotes();
      return;
    }
    if (target instanceof HTMLInputElement && isSettingField(target.dataset.setting)) {
      this.#onField(target, target.dataset.setting, event.type === 'change');
      return;
    }
    if (event.type === 'click' && target instanceof Element && target.closest('[data-snippet-download]')) {
      this.#download();
    }
    const check =
      event.type === 'click' && target instanceof Element ? target.closest('[data-check-download]') : null;
    const variant = check instanceof HTMLElement ? (check.dataset.checkDownload ?? '') : '';
    if (isCheckVariantId(variant)) void this.#downloadCheck(variant);
  }

  /**
   * Once the filter has started it answers every tab change with the rules the new tab
   * shows, so only until then does a tab change mean all of the tab's rules.
   */
  #onTabChange(deployment: Deployment): void {
    if (latest(EVENTS.filterChange) !== undefined) return;
    this.#show(deployment, undefined);
  }

  #show(deployment: Deployment, ruleIds: readonly string[] | undefined): void {
    const same =
      deployment === this.#deployment &&
      ruleIds?.length === this.#ruleIds?.length &&
      (ruleIds ?? []).every((id, index) => this.#ruleIds?.[index] === id);
    const tabChanged = deployment !== this.#deployment;
    this.#deployment = deployment;
    this.#ruleIds = ruleIds === undefined ? undefined : [...ruleIds];
    if (tabChanged) this.#showFields();
    if (!same) void this.#render();
  }

  /**
   * What the link gave that cannot be used is shown, not dropped in silence: a
   * setting stands in its field with its error, as if typed, and an unknown
   * platform is named under the platform picker.
   */
  #showRejected(rejected: RejectedSnippetValues): void {
    for (const [field, value] of Object.entries(rejected.form) as [SettingField, string][]) {
      const input = this.querySelector<HTMLInputElement>(`input[data-setting="${field}"]`);
      if (!input) continue;
      // The error was judged on the link's exact value; the field cannot hold line breaks,
      // so its own value is not checked again until the reader edits it.
      input.value = value;
      this.#showError(input, field, rejected.errors[field] ?? NOT_VALID);
    }
    this.#showNotice();
    if (rejected.platform === undefined) return;
    const note = document.createElement('p');
    note.className = 'pf-snippet-hint';
    note.dataset.platformNote = '';
    if (this.#texts) {
      note.textContent = describeUnknownPlatform(
        this.#texts,
        rejected.platform,
        this.#platform === undefined ? undefined : platformInfo(this.#platform).label,
      );
    }
    this.querySelector('[data-snippet-platform]')?.after(note);
  }

  #pickPlatform(platform: PlatformId | undefined): void {
    this.querySelector('[data-platform-note]')?.remove();
    this.#platform = platform;
    if (platform !== undefined) rememberPlatform(platform);
    this.#writeUrl();
    this.#showFields();
    void this.#render();
  }

  /** Tells the page the instance the rules use: the validated host, or none. */
  #announceInstance(): void {
    const settings = parseSettings({ host: this.#form.host ?? '' });
    announce(EVENTS.instanceChange, { host: settings.ok ? settings.settings.instanceHost : undefined });
  }

  /**
   * Typing updates the snippet as soon as the value is valid, and takes the field
   * out of the rules as soon as it is not. An error appears when the reader leaves
   * the field (change), or at once while correcting a field that already shows
   * one, so half-typed addresses are not flagged.
   */
  #onField(input: HTMLInputElement, field: SettingField, committed: boolean): void {
    const update = updateField(this.#form, field, input.value);
    // An invalid value leaves the rules and the address at once, marked or not yet.
    const changed = (update.form[field] ?? '') !== (this.#form[field] ?? '');
    this.#form = update.form;
    if (update.ok) this.#showError(input, field, undefined);
    else if (committed || input.getAttribute('aria-invalid') === 'true') {
      this.#showError(input, field, update.error);
    }
    if (changed) {
      this.#writeUrl();
      void this.#render();
      if (field === 'host') this.#announceInstance();
    }
    this.#showNotice();
  }

  /** Marks a field with its error, written in the page's language, or clears the mark. */
  #showError(input: HTMLInputElement, field: SettingField, problem: ValidationError | undefined): void {
    const error = this.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
    if (!error) return;
    const hintId = `${input.id}-hint`;
    if (problem === undefined) {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', hintId);
      return;
    }
    const label = this.querySelector(`label[for="${input.id}"]`)?.textContent.trim() ?? field;
    const message = this.#texts ? formatError(this.#texts, problem) : '';
    error.textContent = this.#t('snippets.fieldError', { label, message });
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${error.id} ${hintId}`);
  }

  /** Says, once, that fields with errors are not in the snippet, so the code below is never mistaken for them. */
  #showNotice(): void {
    const notice = this.querySelector<HTMLElement>('[data-snippet-notice]');
    if (!notice) return;
    const invalid = [...this.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')].filter(
      (input) => !input.closest<HTMLElement>('[data-setting-wrap]')?.hidden,
    );
    const text =
      invalid.length === 0
        ? ''
        : this.#t(invalid.length === 1 ? 'snippets.leftOutOne' : 'snippets.leftOutMany');
    if (notice.textContent !== text) notice.textContent = text;
  }

  #writeUrl(): void {
    const url = new URL(window.location.href);
    url.search = serialiseSnippetState(url.search, { platform: this.#platform, form: this.#form });
    history.replaceState(history.state, '', url);
  }

  #showControls(): void {
    const select = this.querySelector<HTMLSelectElement>('[data-snippet-platform]');
    if (select) select.value = this.#platform ?? '';
    for (const input of this.querySelectorAll<HTMLInputElement>('input[data-setting]')) {
      const field = input.dataset.setting;
      if (isSettingField(field)) input.value = this.#form[field] ?? '';
    }
    this.#showFields();
  }

  /**
   * Only the fields that change this tab's rules show: no server address on
   * Cloud, no instance on Onsite, interface names only on a chosen platform
   * whose rules name them.
   */
  #showFields(): void {
    const shown = new Set(applicableFields(this.#data[this.#deployment], this.#platform));
    for (const wrap of this.querySelectorAll<HTMLElement>('[data-setting-wrap]')) {
      const field = wrap.dataset.settingWrap;
      if (isSettingField(field)) wrap.hidden = !shown.has(field);
    }
    const platform = this.#platform;
    if (platform !== undefined && usesInterfaceNames(platform)) {
      const info = platformInfo(platform);
      for (const [field, name] of [
        ['in', info.inside],
        ['out', info.outside],
      ] as const) {
        const usual = this.querySelector(`[data-default-for="${field}"]`);
        if (usual) usual.textContent = this.#t('snippets.usualName', { platform: info.label, name });
      }
    }
    this.#showNotice();
  }

  async #render(): Promise<void> {
    const count = ++this.#renderCount;
    const platform = this.#platform;
    const input = this.#data[this.#deployment];
    if (!input) {
      this.#showMessage(this.#t('snippets.noRules'));
      return;
    }
    if (platform === undefined) {
      this.#showMessage(this.#t('snippets.choosePrompt'));
      // The check scripts test the ports, whatever the firewall: they need no platform.
      this.#showActions(false, true);
      return;
    }
    const settings = parseSettings(this.#form);
    // Only valid fields are ever stored, so this cannot fail; the check keeps the types honest.
    if (!settings.ok) {
      this.#showMessage(this.#t('snippets.invalidSettings'));
      return;
    }
    let text: string;
    let shown: number;
    let missing: string[];
    try {
      const [render, plan] = await Promise.all([loadGenerator(platform), planCode.load()]);
      if (count !== this.#renderCount) return;
      if (!plan) throw new Error('The rule selection could not be loaded.');
      const { selectRules } = plan;
      const selected = this.#ruleIds === undefined ? input : selectRules(input, this.#ruleIds);
      shown = selected.rules.length;
      if (shown === 0) {
        this.#showMessage(this.#t('snippets.nothingMatches', { tab: input.deployment.name }));
        return;
      }
      text = render(selected, settings.settings);
      missing = plan
        .missingValues(plan.planSnippet(selected, settings.settings), platformInfo(platform).fqdn)
        .map((value) =>
          value.kind === 'instance'
            ? this.#t('snippets.missingInstance')
            : value.kind === 'server'
              ? this.#t('snippets.missingServer')
              : this.#t('snippets.missingAddresses', { hosts: value.hosts.join(', ') }),
        );
    } catch {
      if (count !== this.#renderCount) return;
      this.#showMessage(this.#t('snippets.failed'));
      return;
    }
    const total = input.rules.length;
    const info = platformInfo(platform);
    this.#text = text;
    this.#setCaption(
      this.#t(shown === total ? 'snippets.captionAll' : 'snippets.captionSome', {
        platform: info.label,
        tab: input.deployment.name,
        shown,
        total,
      }),
    );
    const code = this.querySelector<HTMLElement>(`#${SNIPPET_CODE_ID}`);
    const pre = this.querySelector<HTMLElement>('[data-snippet-pre]');
    if (!code || !pre) return;
    this.#clearCopied();
    // The header notes fold away so the first command is in view; they stay in the code element,
    // so Copy (its text) and Download (the generated text) give the whole file.
    const folded = foldNotes(text);
    if (folded) {
      const notes = document.createElement('span');
      notes.id = SNIPPET_NOTES_ID;
      notes.className = 'pf-snippet-notes';
      notes.append(...highlighted(folded.notes));
      code.replaceChildren(...highlighted(folded.before), notes, ...highlighted(folded.after));
    } else {
      code.replaceChildren(...highlighted(text));
    }
    this.#notesLines = folded?.lines ?? 0;
    this.#showNotes();
    this.#showMissing(missing);
    pre.setAttribute(
      'aria-label',
      this.#t('snippets.codeFor', { platform: info.label, tab: input.deployment.name }),
    );
    const file = this.querySelector('[data-snippet-file]');
    if (file)
      file.textContent = this.#t('snippets.downloadFile', {
        file: snippetFileName(this.#deployment, platform),
      });
    this.#showActions(true, true);
  }

  /** A text of the panel, in the page's language, its placeholders filled. */
  #t(key: keyof SnippetPanelTexts, values?: Readonly<Record<string, string | number>>): string {
    return this.#texts ? formatText(this.#texts[key], values) : '';
  }

  #showMessage(message: string): void {
    this.#clearCopied();
    this.#text = '';
    this.#setCaption('');
    const code = this.querySelector<HTMLElement>(`#${SNIPPET_CODE_ID}`);
    if (code) code.textContent = message;
    this.#showActions(false, false);
    this.#notesLines = 0;
    this.#showNotes();
    this.#showMissing([]);
  }

  /** The fold control and the notes it folds: "Show notes (N lines)" or "Hide notes". */
  #showNotes(): void {
    const toggle = this.querySelector<HTMLButtonElement>('[data-snippet-notes-toggle]');
    const notes = this.querySelector<HTMLElement>(`#${SNIPPET_NOTES_ID}`);
    if (notes) notes.hidden = !this.#notesOpen;
    if (!toggle) return;
    toggle.hidden = this.#notesLines === 0;
    toggle.setAttribute('aria-expanded', String(this.#notesOpen));
    toggle.textContent = this.#t(this.#notesOpen ? 'snippets.hideNotes' : 'snippets.showNotes', {
      count: this.#notesLines,
    });
  }

  /** Says beside Copy and Download what the rules still need before the platform loads them. */
  #showMissing(missing: readonly string[]): void {
    const line = this.querySelector<HTMLElement>('[data-snippet-missing]');
    if (!line) return;
    line.hidden = missing.length === 0;
    line.textContent = missing.length === 0 ? '' : this.#t('snippets.missing', { list: missing.join('; ') });
  }

  /**
   * "Copied" speaks of the text copied; once the rules change it would speak of
   * other ones, so any change clears it at once. The copy button's element keeps
   * its status line as a `role="status"` span and marks its state in `data-state`
   * (src/client/copy-link.ts); clearing both here keeps that element, which every
   * page loads, as small as it is.
   */
  #clearCopied(): void {
    const copy = this.querySelector<HTMLElement>('[data-snippet-actions] > pf-copy-link');
    if (copy?.dataset.state === undefined) return;
    delete copy.dataset.state;
    const status = copy.querySelector('[role="status"]');
    if (status) status.textContent = '';
  }

  #setCaption(text: string): void {
    const caption = this.querySelector('[data-snippet-caption]');
    if (caption && caption.textContent !== text) caption.textContent = text;
  }

  /** Copy and Download once there is a snippet; the check scripts wherever there are rules. */
  #showActions(snippet: boolean, checks: boolean): void {
    const actions = this.querySelector<HTMLElement>('[data-snippet-actions]');
    if (actions) actions.hidden = !snippet && !checks;
    for (const own of this.querySelectorAll<HTMLElement>(
      '[data-snippet-actions] > pf-copy-link, [data-snippet-download]',
    ))
      own.hidden = !snippet;
  }

  #download(): void {
    if (this.#text === '' || this.#platform === undefined) return;
    this.#save(this.#text, snippetFileName(this.#deployment, this.#platform));
  }

  /** The check script of a variant for the tab, filter and settings the rules above use. */
  async #downloadCheck(variant: CheckVariantId): Promise<void> {
    const input = this.#data[this.#deployment];
    const settings = parseSettings(this.#form);
    if (!input || !settings.ok) return;
    const deployment = this.#deployment;
    const [render, plan] = await Promise.all([checkCode.load(), planCode.load()]);
    if (!render || !plan) return;
    const selected = this.#ruleIds === undefined ? input : plan.selectRules(input, this.#ruleIds);
    if (selected.rules.length === 0) return;
    const text = render.renderCheckScript(selected, settings.settings, variant, {
      origin: window.location.origin,
    });
    this.#save(text, checkFileName(deployment, variant));
  }

  /** Saves text as a file through a temporary link. */
  #save(text: string, fileName: string): void {
    const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.append(link);
    link.click();
    link.remove();
    // The browser has started the download by now; the object URL is no longer needed.
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

if (!customElements.get('pf-snippets')) customElements.define('pf-snippets', Snippets);
