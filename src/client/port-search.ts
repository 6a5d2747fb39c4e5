import { answerPort, type PortAnswer, type PortIndex } from '../lib/ui/port-search';
import { formatText } from '../lib/texts';
import { loadPortIndex, ruleLink, unlistedPortSentence } from './port-index';
// A URL rather than a plain import: Astro puts stylesheets that client scripts import into every
// page, and these styles are only needed once this module has loaded.
import stylesheetUrl from '../styles/port-search.css?url';

/**
 * The site search's answers to a port (src/lib/ui/port-search.ts says why): a box
 * between the search box and Pagefind's results, written as text, never markup.
 */
const stylesheet = document.createElement('link');
stylesheet.rel = 'stylesheet';
stylesheet.href = stylesheetUrl;
document.head.append(stylesheet);

/** The answer box of a search form, made on first use right under the search box. */
function answerBox(input: HTMLInputElement): HTMLElement | undefined {
  const form = input.closest('form');
  if (!form) return undefined;
  let box = form.querySelector<HTMLElement>('.pf-port-answer');
  if (!box) {
    box = document.createElement('section');
    box.className = 'pf-port-answer';
    box.hidden = true;
    // Pagefind's results follow in its drawer; the answer goes before them.
    form.insertBefore(box, form.querySelector('.pagefind-ui__drawer'));
  }
  return box;
}

function render(box: HTMLElement, answer: PortAnswer, texts: PortIndex['texts']): void {
  box.setAttribute('aria-label', formatText(texts['search.portsLabel'], { port: answer.port }));
  const lead = document.createElement('p');
  if ('nearest' in answer) {
    lead.append(...unlistedPortSentence(answer, texts));
    box.replaceChildren(lead);
    return;
  }
  lead.textContent = formatText(texts['search.portListed'], { port: answer.port });
  const list = document.createElement('ul');
  for (const rule of answer.listed) {
    const item = document.createElement('li');
    const ports = document.createElement('span');
    ports.textContent = rule.ports;
    item.append(ruleLink(rule), ' ', ports);
    list.append(item);
  }
  box.replaceChildren(lead, list);
}

/** Answers the search box's text if it asks about one port, and clears the answer otherwise. */
export async function answerSearch(input: HTMLInputElement): Promise<void> {
  const box = answerBox(input);
  if (!box) return;
  const query = input.value;
  const data = /\d/.test(query) ? await loadPortIndex() : undefined;
  // The reader may have typed on while the index was on its way; only the latest text counts.
  if (input.value !== query) return;
  const answer = data && answerPort(data, query);
  box.hidden = !answer;
  if (data && answer) render(box, answer, data.texts);
  else box.replaceChildren();
}
