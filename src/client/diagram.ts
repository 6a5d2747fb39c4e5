import { describeConnectionCount, type CountTexts } from '../lib/ui/counts';
import { readOverviewData } from '../lib/ui/overview-data';
import { EVENTS, listen, type FilterChangeDetail } from './events';

/** How much of a faded part still shows: enough to read it, plainly less than the rest. */
const FADED_OPACITY = '0.2';
const FADED = 'pf-dg-faded';

/**
 * Fades a part of the drawing or brings it back. The opacity is set here rather than in a
 * stylesheet, so the page carries no styles for a filter that most readers never use; the
 * class names the state for anyone inspecting the drawing.
 */
function fade(element: SVGElement, faded: boolean): void {
  element.classList.toggle(FADED, faded);
  element.style.opacity = faded ? FADED_OPACITY : '';
}

/**
 * Writes the reader's instance where the drawings name it (`data-instance`, with the
 * width the box has for it), or the placeholder again when it is cleared. A name
 * wider than its box is squeezed to fit rather than run out of it; the width is
 * measured on a canvas in the text's own font, which works for the drawing the
 * screen does not show too.
 */
function nameInstance(root: Element, host: string | undefined): void {
  const context = document.createElement('canvas').getContext('2d');
  for (const text of root.querySelectorAll<SVGTextElement>('text[data-instance]')) {
    text.dataset.placeholder ??= text.textContent;
    const name = host ?? text.dataset.placeholder;
    if (text.textContent !== name) text.textContent = name;
    if (context) context.font = getComputedStyle(text).font;
    const room = Number(text.dataset.instance);
    if (context && context.measureText(name).width > room) {
      text.setAttribute('textLength', String(room));
      text.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    } else {
      text.removeAttribute('textLength');
      text.removeAttribute('lengthAdjust');
    }
  }
  // The drawings' descriptions, which screen readers read, name the same target.
  const placeholders = new Set(
    [...root.querySelectorAll<SVGTextElement>('text[data-instance]')].map(
      (text) => text.dataset.placeholder ?? '',
    ),
  );
  for (const desc of root.querySelectorAll<SVGDescElement>('desc')) {
    const original = (desc.dataset.original ??= desc.textContent);
    let named = original;
    for (const placeholder of placeholders)
      if (host && placeholder) named = named.replaceAll(placeholder, host);
    if (desc.textContent !== named) desc.textContent = named;
  }
}

function wordsOf(element: Element, attribute: string): string[] {
  return (element.getAttribute(attribute) ?? '').split(' ').filter(Boolean);
}

/**
 * `<pf-diagram data-deployment>`: the network diagram at the top of a tab,
 * following that tab's filter. The drawing in the HTML is complete and stays
 * so without JavaScript; this element only fades the connections whose rule
 * the filter hides, the places on the internet none of whose connections is
 * shown, and the devices the reader did not pick or whose connections are all
 * hidden, then says how many connections it shows. Once the reader gives their
 * pascom.cloud instance, it names it where the drawings say "<your-instance>".
 * It reads the drawings'
 * data-rules and data-devices (src/lib/diagram/svg.ts), and learns the filter
 * only from its event, with replay, so it may start before or after the filter.
 */
class Diagram extends HTMLElement {
  #listening: AbortController | undefined;
  /** The count's texts, in the page's language, from the page's data; read once. */
  #texts: CountTexts | undefined;

  connectedCallback(): void {
    if (this.#listening || this.dataset.deployment === undefined) return;
    this.#listening = new AbortController();
    listen(EVENTS.filterChange, (detail) => this.#follow(detail), {
      replay: true,
      signal: this.#listening.signal,
    });
    listen(EVENTS.instanceChange, ({ host }) => nameInstance(this, host), {
      replay: true,
      signal: this.#listening.signal,
    });
  }

  disconnectedCallback(): void {
    this.#listening?.abort();
    this.#listening = undefined;
  }

  #follow({ deployment, ruleIds, deviceIds }: FilterChangeDetail): void {
    if (deployment !== this.dataset.deployment) return;
    const rules = new Set(ruleIds);
    const picked = new Set(deviceIds);
    const shown = (element: Element): boolean => wordsOf(element, 'data-rules').some((id) => rules.has(id));
    for (const element of this.querySelectorAll<SVGElement>('.pf-dg-conn')) fade(element, !shown(element));
    // A place fades its box and names, not the devices drawn in it: they fade on their own.
    for (const site of this.querySelectorAll<SVGElement>('.pf-dg-site')) {
      for (const part of site.querySelectorAll<SVGElement>(':scope > :not(.pf-dg-device)'))
        fade(part, !shown(site));
    }
    for (const element of this.querySelectorAll<SVGElement>('.pf-dg-device')) {
      const wanted = picked.size === 0 || wordsOf(element, 'data-devices').some((id) => picked.has(id));
      fade(element, !wanted || !shown(element));
    }
    // Both drawings hold the same connections; count those of the first.
    const connections = this.querySelector('svg')?.querySelectorAll('.pf-dg-conn') ?? [];
    const total = connections.length;
    const active = [...connections].filter((element) => !element.classList.contains(FADED)).length;
    const count = this.querySelector('.pf-diagram-count');
    this.#texts ??= readOverviewData()?.texts;
    if (!this.#texts) return;
    const text = describeConnectionCount(this.#texts, active, total);
    if (count && count.textContent !== text) count.textContent = text;
  }
}

if (!customElements.get('pf-diagram')) customElements.define('pf-diagram', Diagram);
