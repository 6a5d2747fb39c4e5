import { langOfPath, localPath } from '../lib/lang';
import { formatText } from '../lib/texts';
import { parsePortIndex, type PortAnswer, type PortAnswerRule, type PortIndex } from '../lib/ui/port-search';

/**
 * The port index of the page's language (/search/ports.json, /de/search/ports.json),
 * fetched once, by whoever needs it first: the site search's port answers and the
 * filter's empty state for a port no rule lists. Undefined when it cannot be had;
 * then both stay as they would be without it.
 */
let index: Promise<PortIndex | undefined> | undefined;

export function loadPortIndex(): Promise<PortIndex | undefined> {
  const path = localPath(langOfPath(window.location.pathname), '/search/ports.json');
  index ??= fetch(path).then(
    async (response) => (response.ok ? parsePortIndex(await response.text()) : undefined),
    () => undefined,
  );
  return index;
}

/** A link to a rule's page, its title as text. */
export function ruleLink({ title, path }: PortAnswerRule): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = path;
  link.textContent = title;
  return link;
}

/**
 * "Port 5060 is not in pascom's list of ports. The nearest port it lists is 5061:
 * SIP connection.", the rule linked to its page: only what the data says.
 */
export function unlistedPortSentence(
  answer: Extract<PortAnswer, { nearest: unknown }>,
  texts: PortIndex['texts'],
): (string | Node)[] {
  const [before = '', after = ''] = formatText(texts['filter.nearestPort'], {
    port: answer.nearest.port,
  }).split('{rule}');
  return [
    formatText(texts['filter.portNotListed'], { port: answer.port }),
    ' ',
    before,
    ruleLink(answer.nearest.rule),
    after,
  ];
}
