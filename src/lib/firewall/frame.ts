/**
 * The frame every generator shares: it turns the selected rules and the
 * settings into a plan, gathers the platform's facts from the registry and its
 * advice, and writes the header. A generator only spells the plan in its
 * platform's syntax, so a fix to anything else is made once, here.
 */
import { PLATFORM_ADVICE, type InterfaceNames, type PlatformAdvice } from './advice';
import { headerLines, placeholderNotes, planSnippet, type SnippetInput, type SnippetPlan } from './plan';
import { platformInfo, type PlatformId, type PlatformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { commentBlock } from './text';

/** What a generator knows about its platform and the admin's settings, besides the plan. */
export interface PlatformContext {
  platform: PlatformInfo;
  /** Inside and outside interface or zone names: the admin's, else the platform's usual ones. */
  names: InterfaceNames;
  advice: PlatformAdvice;
  /** Sentences for the header where a name the admin gave is not one the platform accepts. */
  nameNotes: string[];
}

/** A generator's own part: the plan in its platform's syntax. */
export type SpellSnippet = (plan: SnippetPlan, context: PlatformContext) => string;

function platformContext(id: PlatformId, settings: SnippetSettings): PlatformContext {
  const platform = platformInfo(id);
  const names: InterfaceNames = { inside: platform.inside, outside: platform.outside };
  const nameNotes: string[] = [];
  for (const side of ['inside', 'outside'] as const) {
    const given = settings[side];
    if (given === undefined || platform[side] === '') continue;
    // The form accepts any plausible name; each platform has its own rules, and a name it rejects would break the snippet.
    if ('interfaceName' in platform && !platform.interfaceName.pattern.test(given)) {
      nameNotes.push(
        `The ${side} name "${given}" is not one ${platform.label} accepts (${platform.interfaceName.hint}); the rules use "${platform[side]}" instead.`,
      );
    } else {
      names[side] = given;
    }
  }
  return { platform, names, advice: PLATFORM_ADVICE[id], nameNotes };
}

/** A platform's generator: plan, context, then its spelling. */
export function snippetRenderer(
  id: PlatformId,
  spell: SpellSnippet,
): (input: SnippetInput, settings: SnippetSettings) => string {
  return (input, settings) => spell(planSnippet(input, settings), platformContext(id, settings));
}

/** Splits advice into lines of at most about 110 characters, at spaces. */
function wrap(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The header every snippet opens with, as plain lines (the generator makes them
 * comments): what it is, what to replace, how to load and save it, where the
 * rules land, NAT, hostnames, and the SIP ALG and idle-timeout advice its rules need.
 */
function snippetHeader(plan: SnippetPlan, context: PlatformContext): string[] {
  const { advice, names, platform } = context;
  const lines = [
    ...headerLines(plan, platform.label),
    ...context.nameNotes.flatMap((note) => wrap(note)),
    '',
    ...advice.use(names),
  ];
  lines.push(...wrap(`Save: ${advice.save}`));
  lines.push(...advice.placement(names));
  if (plan.hasOutbound && advice.outboundNat) lines.push(...wrap(`NAT: ${advice.outboundNat}`));
  if (plan.hasInbound) {
    lines.push(
      ...wrap(
        `NAT: inbound rules let devices on the internet reach your pascom server; if it sits behind NAT, forward these ports from your public address to it. Behind NAT, ${advice.inboundNat}`,
      ),
    );
  }
  lines.push('');
  if (platform.fqdn) lines.push(...wrap(advice.hostnames));
  else lines.push(...placeholderNotes(plan, advice.hostnames));
  if (plan.skipped.length > 0) {
    lines.push(
      ...wrap(
        `${plan.skipped.length} rule${plan.skipped.length === 1 ? ' is' : 's are'} left out of one address family; a comment says so where each would be.`,
      ),
    );
  }
  if (plan.notes.includes('sip-alg'))
    lines.push(...wrap(`SIP ALG: ${advice.sipAlg.text} (${advice.sipAlg.docs})`));
  if (plan.notes.includes('idle-timeout')) {
    lines.push(...wrap(`Idle timeouts: ${advice.idleTimeout.text} (${advice.idleTimeout.docs})`));
  }
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The header as comment lines with the platform's marker (`#` or `!`). */
export function commentedHeader(plan: SnippetPlan, context: PlatformContext): string[] {
  const marker = context.platform.comment === '!' ? '!' : '#';
  return commentBlock(snippetHeader(plan, context), marker);
}

/** The header as the body of an XML comment: no "--", and no entities, so commands in it copy as written. */
export function xmlCommentHeader(plan: SnippetPlan, context: PlatformContext): string[] {
  return ['<!--', ...snippetHeader(plan, context).map((line) => `  ${line.replace(/-{2,}/g, '-')}`), '-->'];
}
