/**
 * What every check script says before its code, and the arguments it takes,
 * from the plan and the variant's registry entry. A speller only writes these
 * lines as comments and the checks in its language.
 */
import { checkCounts, type CheckMode, type CheckPlan } from './plan';
import { fillNow } from './template';
import { checkFileName, checkVariant, runCommand, type CheckVariantId } from './variants';
import { wrap } from '../firewall/text';

/** How long a connection to one address waits for an answer, unless PASCOM_CHECK_TIMEOUT says otherwise. */
export const CHECK_TIMEOUT_SECONDS = 5;

/** The environment variable that sets the wait, in whole seconds. */
export const CHECK_TIMEOUT_VARIABLE = 'PASCOM_CHECK_TIMEOUT';

/** The arguments that start one mode, as the header shows them. */
function modeArguments(plan: CheckPlan, mode: CheckMode): string {
  const words: string[] = [];
  if (plan.modes.length > 1) words.push(mode.direction);
  if (mode.address.needed) words.push(mode.address.default ?? 'ADDRESS');
  return words.join(' ');
}

/** The command that starts one mode, e.g. "bash pascom-check-onsite.sh inbound ADDRESS". */
export function modeCommand(plan: CheckPlan, mode: CheckMode, variant: CheckVariantId): string {
  const words = [
    ...(plan.modes.length > 1 ? [mode.direction] : []),
    ...(mode.address.needed ? ['ADDRESS'] : []),
  ];
  return runCommand(variant, checkFileName(plan.deployment.id, variant), words.join(' '));
}

/** The header as plain lines; the speller makes them comments. */
export function checkHeader(plan: CheckPlan, variant: CheckVariantId): string[] {
  const { texts } = plan;
  const info = checkVariant(variant);
  const file = checkFileName(plan.deployment.id, variant);
  const lines = [
    ...wrap(texts.title(plan.deployment.name, texts.variantLabel(info), checkCounts(plan))),
    ...wrap(texts.generated),
    ...wrap(texts.whatItDoes),
  ];
  const kinds = new Set(plan.modes.flatMap((mode) => mode.checks.map((check) => check.kind)));
  if (kinds.has('tls') || kinds.has('https')) lines.push(...wrap(texts.tlsNote));
  lines.push('');
  for (const mode of plan.modes) lines.push(...wrap(texts.runWhere(plan.deployment.id, mode.direction)));
  lines.push(texts.howToRun);
  for (const mode of plan.modes) lines.push(`  ${runCommand(variant, file, modeArguments(plan, mode))}`);
  for (const mode of plan.modes) {
    if (mode.address.needed) lines.push(...wrap(texts.addressMeaning(mode.direction, plan.deployment.id)));
  }
  lines.push(...wrap(texts.exitCodes));
  if (checkCounts(plan).checks > 0) {
    lines.push(...wrap(fillNow(texts.timeoutNote, { seconds: String(CHECK_TIMEOUT_SECONDS) })));
  }
  if (info.asciiText) lines.push(...wrap(texts.asciiNote));
  return lines;
}
