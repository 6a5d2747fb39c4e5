import { ELEMENT_NODE, TEXT_NODE, parse, walkSync, type DocumentNode } from 'ultrahtml';
import type { PortData } from '../../../src/lib/model';
import { placeholdersOf, type UiTexts } from '../../../src/lib/texts';

/** Elements whose text a reader never sees as text. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript']);
/** Attributes a reader sees or hears: tooltips, accessible names, placeholders, card labels. */
const READ_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'data-label'];

/** What a reader of a page sees or hears as text, one string, white space folded. */
export function readableText(html: string): string {
  const parts: string[] = [];
  walkSync(parse(html) as DocumentNode, (node, parent) => {
    if (node.type === TEXT_NODE) {
      if (parent?.type === ELEMENT_NODE && HIDDEN_CONTENT.has(parent.name)) return;
      parts.push(node.value);
    } else if (node.type === ELEMENT_NODE) {
      for (const name of READ_ATTRIBUTES) {
        const value = node.attributes[name];
        if (typeof value === 'string') parts.push(value);
      }
    }
  });
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * The English phrases a German page must not contain: each interface text and
 * each content text whose German differs, cut at its placeholders into the
 * pieces of at least two words that read the same in every sentence made from it.
 */
export function englishPhrases(
  english: { texts: UiTexts; data: PortData },
  german: { texts: UiTexts; data: PortData },
): string[] {
  const pairs: [string, string][] = Object.entries(english.texts).map(([key, text]) => [
    text,
    german.texts[key as keyof UiTexts],
  ]);
  const byId = <T extends { id: string }>(list: readonly T[], id: string) =>
    list.find((item) => item.id === id);
  for (const rule of english.data.rules) {
    const de = byId(german.data.rules, rule.id);
    pairs.push(
      [rule.title, de?.title ?? ''],
      [rule.purpose, de?.purpose ?? ''],
      [rule.ifBlocked, de?.ifBlocked ?? ''],
    );
  }
  for (const device of english.data.devices) {
    const de = byId(german.data.devices, device.id);
    pairs.push([device.name, de?.name ?? ''], [device.description, de?.description ?? '']);
  }
  for (const deployment of english.data.deployments) {
    const de = byId(german.data.deployments, deployment.id);
    pairs.push([deployment.summary, de?.summary ?? '']);
    for (const group of deployment.groups) {
      const deGroup = de?.groups.find((candidate) => candidate.id === group.id);
      pairs.push([group.heading, deGroup?.heading ?? '']);
      if (group.intro) pairs.push([group.intro, deGroup?.intro ?? '']);
    }
  }
  const phrases = new Set<string>();
  for (const [en, de] of pairs) {
    if (en === de) continue;
    for (const piece of en.split(/\{[a-zA-Z]+\}/)) {
      const phrase = piece
        .trim()
        .replace(/^[,.:;()]+|[,.:;()]+$/g, '')
        .trim();
      if (phrase.split(/\s+/).length >= 2 && !de.includes(phrase)) phrases.add(phrase);
    }
  }
  // A phrase that is part of a German text is no sign of English (a product name, a host).
  return [...phrases].filter((phrase) => placeholdersOf(phrase).length === 0);
}

/** The English phrases found in a German page's readable text. */
export function englishIn(text: string, phrases: readonly string[]): string[] {
  return phrases.filter((phrase) => text.includes(phrase));
}
