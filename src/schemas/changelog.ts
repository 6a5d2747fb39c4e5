import { z } from 'astro/zod';
import { CHANGE_TYPES } from './registries';
import { headline, slugId, text } from './common';

/**
 * A data version: the publication date and a counter for that day, such as
 * "2025.11.26.1". Versions sort by their numbers, so automation can compare them.
 */
export const dataVersion = z
  .string({ error: 'must be a version such as "2025.11.26.1"' })
  .regex(/^\d{4}\.\d{2}\.\d{2}\.[1-9]\d*$/, {
    error: 'must be a version YYYY.MM.DD.N such as "2025.11.26.1" (N counts from 1 within the day)',
  });

/** A calendar day written as YYYY-MM-DD that exists in the calendar. */
const isoDate = z
  .string({ error: 'must be a date such as "2025-11-26"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD, such as "2025-11-26"' })
  .refine(
    (value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
    },
    {
      error: 'is not a day of the calendar',
    },
  );

/** One change to one or more rules within a release. */
const ruleChangeSchema = z.strictObject({
  /** added: new rule; changed: a port, protocol, target or other fact changed; removed: the rule is gone. */
  type: z.enum(CHANGE_TYPES, { error: `must be one of: ${CHANGE_TYPES.join(', ')}` }),
  /** Ids of the rules concerned (current ids; for "removed", the id the rule had). */
  rules: z.array(slugId).min(1, { error: 'needs at least one rule id' }),
  /** What changed, for the person who has to adjust a firewall. */
  summary: text,
});

/** One published version of the port data (content/changelog.yaml). */
export const changelogEntrySchema = z
  .strictObject({
    /** The data version this entry publishes, YYYY.MM.DD.N; also the entry's permanent id. */
    id: dataVersion,
    /** Day the version was published, YYYY-MM-DD; must be the day the version names. */
    date: isoDate,
    /** One-line headline of the release. */
    title: headline,
    /** The changes, one per kind of change and reason. */
    changes: z.array(ruleChangeSchema).min(1, { error: 'needs at least one change' }),
  })
  .superRefine((entry, ctx) => {
    const versionDay = entry.id.split('.').slice(0, 3).join('-');
    if (versionDay !== entry.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `the version "${entry.id}" names the day ${versionDay}, but the date is ${entry.date}`,
      });
    }
  });

export type ChangelogEntryData = z.infer<typeof changelogEntrySchema>;
