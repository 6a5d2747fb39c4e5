import type { FirewallNote } from '../../schemas/registries';
import { PLATFORM_ADVICE } from './advice';
import { PLATFORMS } from './platforms';

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

const NOTE_TEXT: Record<FirewallNote, { heading: string; intro: string; advice: 'sipAlg' | 'idleTimeout' }> =
  {
    'sip-alg': {
      heading: 'SIP ALG',
      intro:
        'Many firewalls rewrite SIP messages on the way through (a SIP ALG or helper). pascom does not need it, and it can break registration and calls: turn it off.',
      advice: 'sipAlg',
    },
    'idle-timeout': {
      heading: 'Idle timeouts',
      intro:
        'This connection stays open for hours and may be idle for minutes between keepalives. A firewall that drops idle connections sooner disconnects the device until it reconnects.',
      advice: 'idleTimeout',
    },
  };

/** The firewall notes of a rule, each with every platform's own advice, in registry order. */
export function ruleFirewallNotes(notes: readonly FirewallNote[]): RuleFirewallNote[] {
  return notes.map((id) => {
    const { heading, intro, advice } = NOTE_TEXT[id];
    return {
      id,
      heading,
      intro,
      platforms: PLATFORMS.map((platform) => ({
        platform: platform.label,
        ...PLATFORM_ADVICE[platform.id][advice],
      })),
    };
  });
}
