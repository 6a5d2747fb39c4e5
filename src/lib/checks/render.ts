/**
 * A check script: plan, then the variant's spelling. On variants whose text must
 * be ASCII, German is then spelt without umlauts; the code is ASCII already.
 */
import type { SnippetSettings } from '../firewall/settings';
import { asciiSpelling } from '../firewall/text';
import { spellBash } from './bash';
import { planChecks, type CheckInput, type CheckPlan, type CheckSite } from './plan';
import { spellPowerShell } from './powershell';
import { checkVariant, type CheckVariantId } from './variants';

/** Spells a plan; tests use it with plans whose hosts and ports point at local servers. */
export function spellCheckScript(plan: CheckPlan, variant: CheckVariantId): string {
  const text = variant === 'windows' ? spellPowerShell(plan) : spellBash(plan);
  return checkVariant(variant).asciiText ? asciiSpelling(text) : text;
}

/** The check script of a variant for the selected rules and settings. */
export function renderCheckScript(
  input: CheckInput,
  settings: SnippetSettings,
  variant: CheckVariantId,
  site: CheckSite,
): string {
  return spellCheckScript(planChecks(input, settings, site), variant);
}
