import type { Symptom } from '../content/troubleshooting';
import { SNIPPET_TEXTS } from '../firewall/texts';
import type { Lang } from '../../schemas/registries';

/** A link from a symptom to a rule page's "On your firewall" advice for every platform. */
interface AdviceLink {
  /** The rule whose page carries the advice: the symptom's first rule with that firewall note. */
  ruleId: string;
  /** The note's heading as the rule page shows it, e.g. "SIP ALG". */
  label: string;
}

/**
 * Where each of a symptom's platform advice is written out: the page of its first rule that
 * asks for that note (content/rules.yaml `firewallNotes`). The content check makes sure one does.
 */
export function adviceLinks(symptom: Symptom, lang: Lang): AdviceLink[] {
  return symptom.advice.map((note) => {
    const rule = symptom.rules.find((candidate) => candidate.firewallNotes.includes(note));
    if (!rule) throw new Error(`No rule of symptom "${symptom.id}" carries the advice "${note}"`);
    return { ruleId: rule.id, label: SNIPPET_TEXTS[lang].ruleNotes[note].heading };
  });
}
