import { z } from 'astro/zod';
import { FIREWALL_NOTES } from './registries';
import { headline, slugId, text } from './common';

/**
 * One symptom of "Calls failing?" on the port overview (content/troubleshooting.yaml): what the
 * reader notices, the rules behind it and what to change. Only what the rules and the platform
 * advice of the snippets say; no new claims about pascom.
 */
export const troubleshootingEntrySchema = z.strictObject({
  /** Permanent id; it is the symptom's anchor on the page, after the tab's id. */
  id: slugId,
  /** What the reader notices, in their words, e.g. "Calls connect but stay silent". */
  symptom: headline,
  /** Ids of the rules involved (content/rules.yaml), in the order the fix names them. */
  rules: z.array(slugId).min(1, { error: 'needs at least one rule' }),
  /** What to change, in one or two sentences. */
  fix: text,
  /** Platform advice the fix points to (the rule pages' "On your firewall" and the snippets' headers). */
  advice: z
    .array(z.enum(FIREWALL_NOTES, { error: `must be one of: ${FIREWALL_NOTES.join(', ')}` }))
    .default([]),
});

/** The German texts of one symptom (content/de/troubleshooting.yaml), matched by id. */
export const troubleshootingTranslationSchema = z.strictObject({
  /** Id of the symptom in content/troubleshooting.yaml. */
  id: slugId,
  /** The symptom in German. */
  symptom: headline.optional(),
  /** The fix in German. */
  fix: text.optional(),
});

export type TroubleshootingEntryData = z.infer<typeof troubleshootingEntrySchema>;
export type TroubleshootingTranslation = z.infer<typeof troubleshootingTranslationSchema>;
