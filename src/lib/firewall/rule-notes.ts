import type { FirewallNote } from '../../schemas/registries';
import { PLATFORMS } from './platforms';
import { SNIPPET_TEXTS } from './texts';
import type { Lang } from '../../schemas/registries';

/** One platform's advice for a note, as a rule page lists it. */
interface PlatformNote {
  platform: string;
  text: string;
  docs: string;
}

/** What a rule page says about one of the rule's firewall notes, for every platform. */
export interface RuleFirewallNote {
  id: FirewallNote;
  heading: string;
  intro: string;
  platforms: PlatformNote[];
}

const ADVICE_OF: Record<FirewallNote, 'sipAlg' | 'idleTimeout'> = {
  'sip-alg': 'sipAlg',
  'idle-timeout': 'idleTimeout',
};

/** The firewall notes of a rule, each with every platform's own advice, in registry order. */
export function ruleFirewallNotes(notes: readonly FirewallNote[], lang: Lang = 'en'): RuleFirewallNote[] {
  const texts = SNIPPET_TEXTS[lang];
  return notes.map((id) => {
    const { heading, intro } = texts.ruleNotes[id];
    return {
      id,
      heading,
      intro,
      platforms: PLATFORMS.map((platform) => ({
        platform: texts.platformLabel(platform),
        ...texts.advice[platform.id][ADVICE_OF[id]],
      })),
    };
  });
}
