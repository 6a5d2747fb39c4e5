import { CHECK_TEXTS } from '../lib/checks/texts';
import { CHECK_VARIANTS } from '../lib/checks/variants';
import type { Lang } from '../schemas/registries';
import { PLATFORMS } from '../lib/firewall/platforms';
import { SETTING_FIELDS, type SettingField } from '../lib/firewall/settings';
import { formatText, type SnippetPanelTexts } from '../lib/texts';

/**
 * The controls of `<pf-snippets>`: platform picker, personalisation fields,
 * notice, caption, copy and download, and the code block. They only work with
 * JavaScript, so the page does not carry them; the element builds them when its
 * script has loaded. Every text comes from the registries and is set as text,
 * never parsed as HTML.
 */

/** Id of the code element, which the copy button copies from. */
export const SNIPPET_CODE_ID = 'pf-snippet-code';
/** Id of the folded header notes inside the code element (still part of what Copy copies). */
export const SNIPPET_NOTES_ID = 'pf-snippet-notes';

const fieldId = (field: SettingField | 'platform') => `pf-snippet-${field}`;

/** An element with a class and attributes; `text` becomes its only child, as text. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function platformField(texts: SnippetPanelTexts): HTMLElement {
  const wrap = element('div', { class: 'pf-snippet-field' });
  const select = element('select', { id: fieldId('platform'), 'data-snippet-platform': '' });
  // No platform is assumed: until the reader picks one, the empty choice stands and the code box asks.
  select.append(
    new Option(texts['snippets.choose'], ''),
    ...PLATFORMS.map((platform) => new Option(platform.label, platform.id)),
  );
  wrap.append(element('label', { for: fieldId('platform') }, texts['snippets.platform']), select);
  return wrap;
}

/** One personalisation field: label, input, hint (with the platform's usual name) and its error line. */
function settingField(texts: SnippetPanelTexts, field: SettingField): HTMLElement {
  const id = fieldId(field);
  const label = texts[`settings.${field}.label`];
  const hint = texts[`settings.${field}.hint`];
  const wrap = element('div', { class: 'pf-snippet-field', 'data-setting-wrap': field });
  const input = element('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    'data-setting': field,
    'aria-describedby': `${id}-hint`,
  });
  const hintLine = element('p', { id: `${id}-hint`, class: 'pf-snippet-hint' }, `${hint} `);
  hintLine.append(element('span', { 'data-default-for': field }));
  const error = element('p', { id: `${id}-error`, class: 'pf-snippet-error', 'data-error-for': field });
  error.hidden = true;
  wrap.append(element('label', { for: id }, label), input, hintLine, error);
  return wrap;
}

/** An arrow into a tray, drawn like the copy icon: 24×24 grid, current colour. */
function downloadIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [name, value] of Object.entries({
    class: 'pf-copy-icon',
    viewBox: '0 0 24 24',
    width: '16',
    height: '16',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  })) {
    svg.setAttribute(name, value);
  }
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M12 4v11m-5-5 5 5 5-5M5 20h14');
  svg.append(path);
  return svg;
}

/**
 * Copy and download, hidden until there is a snippet. `<pf-copy-link>` is the
 * element of the copy links in the port tables on the same page, which defines
 * and styles it; it draws its own button once connected.
 */
function actions(texts: SnippetPanelTexts, lang: Lang): HTMLElement {
  const wrap = element('div', { class: 'pf-snippet-actions', 'data-snippet-actions': '' });
  wrap.hidden = true;
  const copy = document.createElement('pf-copy-link');
  copy.className = 'pf-copy-link';
  copy.dataset.copyFrom = SNIPPET_CODE_ID;
  copy.dataset.label = texts['snippets.copy'];
  copy.dataset.copied = texts['copy.copied'];
  copy.dataset.failed = texts['copy.textFailed'];
  const download = element('button', {
    type: 'button',
    class: 'pf-copy-button',
    'data-snippet-download': '',
  });
  download.append(downloadIcon(), element('span', { 'data-snippet-file': '' }, texts['snippets.download']));
  // A check script per kind of machine, for the tab, filter and settings the rules above use.
  const checks = CHECK_VARIANTS.map((variant) => {
    const button = element('button', {
      type: 'button',
      class: 'pf-copy-button',
      'data-check-download': variant.id,
    });
    const label = formatText(texts['checks.button'], { variant: CHECK_TEXTS[lang].variantLabel(variant) });
    button.append(downloadIcon(), element('span', { 'data-check-file': variant.id }, label));
    return button;
  });
  wrap.append(copy, download, ...checks);
  return wrap;
}

/**
 * What the rules still need before the platform loads them, beside Copy and
 * Download; empty (and hidden) when nothing is missing.
 */
function missingLine(): HTMLElement {
  const line = element('p', { class: 'pf-snippet-missing', 'data-snippet-missing': '' });
  line.hidden = true;
  return line;
}

/** The control that folds the snippet's header notes away, so the first command is in view. */
function notesToggle(): HTMLElement {
  const button = element('button', {
    type: 'button',
    class: 'pf-copy-button pf-snippet-notes-toggle',
    'aria-expanded': 'false',
    'aria-controls': SNIPPET_NOTES_ID,
    'data-snippet-notes-toggle': '',
  });
  button.hidden = true;
  return button;
}

/** The whole form, in reading order; the element fills in values, captions and the code. */
export function buildSnippetForm(texts: SnippetPanelTexts, lang: Lang): HTMLElement {
  const app = element('div', { class: 'pf-snippet-app', 'data-snippet-app': '' });

  // What is only of use on screen, grouped so the print stylesheet can leave it out.
  const controls = element('div', { class: 'pf-snippet-controls' });
  const settings = element('fieldset', { class: 'pf-snippet-settings' });
  settings.append(
    element('legend', {}, texts['snippets.personalise']),
    ...SETTING_FIELDS.map((field) => settingField(texts, field)),
  );
  controls.append(
    element('p', { class: 'pf-snippet-lead' }, texts['snippets.formLead']),
    platformField(texts),
    settings,
    element('p', { class: 'pf-snippet-notice', role: 'status', 'data-snippet-notice': '' }),
  );

  const bar = element('div', { class: 'pf-snippet-bar' });
  bar.append(
    element('p', { class: 'pf-snippet-caption', 'data-snippet-caption': '' }),
    actions(texts, lang),
    missingLine(),
    notesToggle(),
  );

  const pre = element('pre', {
    class: 'pf-snippet-code',
    tabindex: '0',
    role: 'region',
    'aria-label': texts['snippets.codeLabel'],
    'data-snippet-pre': '',
  });
  pre.append(element('code', { id: SNIPPET_CODE_ID }, texts['snippets.loading']));

  app.append(controls, bar, pre);
  return app;
}
