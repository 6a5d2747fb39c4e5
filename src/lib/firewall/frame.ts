/**
 * The frame every generator shares: it turns the selected rules and the
 * settings into a plan, gathers the platform's facts from the registry and its
 * advice, and writes the header. A generator only spells the plan in its
 * platform's syntax, so a fix to anything else is made once, here.
 */
import type { InterfaceNames, PlatformAdvice } from './advice';
import {
  headerLines,
  placeholderNotes,
  planSnippet,
  unfilledNotes,
  type SnippetInput,
  type SnippetPlan,
  type UnfilledStyle,
} from './plan';
import { platformInfo, type PlatformId, type PlatformInfo } from './platforms';
import type { SnippetSettings } from './settings';
import { asciiSpelling, commentBlock, wrap } from './text';
import type { SnippetTexts } from './texts';

/** What a generator knows about its platform and the admin's settings, besides the plan. */
export interface PlatformContext {
  platform: PlatformInfo;
  /** Inside and outside interface or zone names: the admin's, else the platform's usual ones. */
  names: InterfaceNames;
  advice: PlatformAdvice;
  /** Every sentence of the snippet's language, for the few a generator writes itself. */
  texts: SnippetTexts;
  /** Sentences for the header where a name the admin gave is not one the platform accepts. */
  nameNotes: string[];
}

/** A generator's own part: the plan in its platform's syntax. */
export type SpellSnippet = (plan: SnippetPlan, context: PlatformContext) => string;

function platformContext(id: PlatformId, settings: SnippetSettings, texts: SnippetTexts): PlatformContext {
  const platform = platformInfo(id);
  const names: InterfaceNames = { inside: platform.inside, outside: platform.outside };
  const nameNotes: string[] = [];
  for (const side of ['inside', 'outside'] as const) {
    const given = settings[side];
    if (given === undefined || platform[side] === '') continue;
    // The form accepts any plausible name; each platform has its own rules, and a name it rejects would break the snippet.
    if ('interfaceName' in platform && !platform.interfaceName.pattern.test(given)) {
      nameNotes.push(
        texts.nameNote({
          side,
          given,
          platform: texts.platformLabel(platform),
          hint: texts.interfaceHint[platform.id],
          used: platform[side],
        }),
      );
    } else {
      names[side] = given;
    }
  }
  return { platform, names, advice: texts.advice[id], texts, nameNotes };
}

/**
 * A platform's generator: plan, context, then its spelling. On platforms whose
 * comments must be ASCII, German is then spelt without umlauts; the rules
 * themselves are ASCII already, so only the prose changes.
 */
export function snippetRenderer(
  id: PlatformId,
  spell: SpellSnippet,
): (input: SnippetInput, settings: SnippetSettings) => string {
  return (input, settings) => {
    const plan = planSnippet(input, settings);
    const context = platformContext(id, settings, plan.texts);
    const text = spell(plan, context);
    return context.platform.asciiComments ? asciiSpelling(text) : text;
  };
}

/**
 * The header every snippet opens with, as plain lines (the generator makes them
 * comments): what it is, what to replace, how to load and save it, where the
 * rules land, NAT, hostnames, and the SIP ALG and idle-timeout advice its rules need.
 */
function snippetHeader(plan: SnippetPlan, context: PlatformContext): string[] {
  const { advice, names, platform, texts } = context;
  const unfilled = unfilledStyle(platform);
  const directions = { inbound: plan.hasInbound, outbound: plan.hasOutbound };
  const lines = [
    ...headerLines(plan, texts.platformLabel(platform), unfilled),
    ...context.nameNotes.flatMap((note) => wrap(note)),
    '',
    ...advice.use(names, directions),
  ];
  lines.push(...wrap(texts.save(advice.save)));
  lines.push(...advice.placement(names, directions));
  if (plan.hasOutbound && advice.outboundNat) lines.push(...wrap(texts.outboundNat(advice.outboundNat)));
  if (plan.hasInbound) lines.push(...wrap(texts.inboundNat(advice.inboundNat)));
  lines.push('');
  if (platform.fqdn) lines.push(...wrap(advice.hostnames));
  else if (unfilled !== undefined) lines.push(...unfilledNotes(plan, unfilled, wrap(advice.hostnames)));
  else lines.push(...placeholderNotes(plan, wrap(advice.hostnames)));
  if (plan.skipped.length > 0) lines.push(...wrap(texts.skippedCount(plan.skipped.length)));
  if (plan.notes.includes('sip-alg'))
    lines.push(...wrap(texts.sipAlg(advice.sipAlg.text, advice.sipAlg.docs)));
  if (plan.notes.includes('idle-timeout')) {
    lines.push(...wrap(texts.idleTimeout(advice.idleTimeout.text, advice.idleTimeout.docs)));
  }
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

/** How the platform writes values not given, or undefined where it still writes documentation addresses. */
function unfilledStyle(platform: PlatformInfo): UnfilledStyle | undefined {
  return 'unfilled' in platform ? platform.unfilled : undefined;
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
