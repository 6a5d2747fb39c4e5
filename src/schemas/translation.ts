/**
 * The German texts of the content (content/de/*.yaml). Each German file mirrors
 * one English file, keyed by the same permanent ids, and holds only the fields a
 * reader sees as prose; every fact (ports, protocols, devices, endpoints, hosts,
 * directions, dates) stays in the English file, so the two editions cannot differ
 * in what they tell a firewall admin.
 *
 * Which fields are translated, and why:
 * - device `name`, `description`: the legend, the filter chips, the Devices column
 *   and the rule pages show them.
 * - endpoint `name`, `description`, `footnote`: the Source and Target columns and
 *   the rule pages show the name, the footnotes list under the tables shows the
 *   footnote, and the description explains the endpoint in the plain-text lists and
 *   firewall comments. Every endpoint lists its `name`, even a host name such as
 *   mypascom.net that stays as it is, so completeness is checked the same way for
 *   every entry; such a name is listed under `sameAsEnglish`.
 * - rule `title`, `purpose`, `ifBlocked`: the Function column, the rule pages and
 *   ports.json show them.
 * - each rule correction's `note`: the editorial note under a corrected row. Its
 *   `original` is a quotation of the original (English) table and stays as it is, so
 *   it is not repeated here.
 * - deployment `name`, `summary` and each group's `heading` and `intro`: the tab
 *   labels, the sentence at the top of each tab and the tables' headings.
 * - changelog entry `title` and each change's `summary`: the changelog page and its
 *   Atom feed.
 *
 * Not translated: a rule's `iana` reasons, which no page or feed shows (only the
 * IANA check in the tests reads them), and every id, host name and other fact.
 *
 * Every text field is optional here and only its form is checked (one line, at most
 * as long as the English field may be): whether a German text is needed depends on
 * the English entry (an endpoint without a footnote needs no German footnote), so the
 * completeness check (src/lib/content/translations.ts) compares both files and names
 * every missing, unknown or untranslated text.
 */
import { z } from 'astro/zod';
import { DEPLOYMENTS } from './registries';
import { headline, name, slugId, text, title } from './common';
import { dataVersion } from './changelog';

/**
 * The fields a German entry may keep word for word from the English, per kind of
 * entry: names only, because product and host names (pascom.cloud, mypascom.net,
 * "Internet", the tabs "Cloud" and "Onsite") stay the same in German. Prose fields are
 * never listed, so an untranslated sentence can never be waved through. A German
 * entry names each such field under `sameAsEnglish`; no other identical text is accepted.
 */
export const SAME_AS_ENGLISH_FIELDS = {
  device: ['name'],
  endpoint: ['name'],
  rule: ['title'],
  deployment: ['name'],
} as const;

/** A list of the fields, out of `fields`, that the German entry deliberately keeps as in English. */
function sameAsEnglish<const F extends readonly [string, ...string[]]>(fields: F) {
  return z
    .array(
      z.enum(fields, {
        error: `only these fields may stay the same as the English: ${fields.join(', ')}`,
      }),
    )
    .default([])
    .superRefine((listed, ctx) => {
      listed.forEach((field, index) => {
        if (listed.indexOf(field) !== index) {
          ctx.addIssue({ code: 'custom', path: [index], message: `"${field}" is listed twice` });
        }
      });
    });
}

/** The German texts of one device (content/de/devices.yaml). */
export const deviceTranslationSchema = z.strictObject({
  /** Id of the device in content/devices.yaml. */
  id: slugId,
  /** German name, shown in the legend, the filter and the Devices column, e.g. "IP-Telefon". */
  name: name.optional(),
  /** One German sentence on what the device is, shown in the legend. */
  description: text.optional(),
  /** Fields kept word for word from the English (see {@link SAME_AS_ENGLISH_FIELDS}). */
  sameAsEnglish: sameAsEnglish(SAME_AS_ENGLISH_FIELDS.device),
});

/** The German texts of one source or target (content/de/endpoints.yaml). */
export const endpointTranslationSchema = z.strictObject({
  /** Id of the endpoint in content/endpoints.yaml. */
  id: slugId,
  /** German name in the Source and Target columns, e.g. "Ihr Netzwerk"; a host name stays as it is. */
  name: name.optional(),
  /** What the endpoint is, in German. */
  description: text.optional(),
  /** The German footnote; given exactly when the English endpoint has a footnote. */
  footnote: text.optional(),
  /** Fields kept word for word from the English, such as a host name (see {@link SAME_AS_ENGLISH_FIELDS}). */
  sameAsEnglish: sameAsEnglish(SAME_AS_ENGLISH_FIELDS.endpoint),
});

/** The German text of one editorial correction, in the order of the English rule's `corrections`. */
const correctionTranslationSchema = z.strictObject({
  /** Why the value on the site is right, in German; the quoted `original` stays in the English file only. */
  note: text.optional(),
});

/** The German texts of one firewall clearance (content/de/rules.yaml). */
export const ruleTranslationSchema = z.strictObject({
  /** Id of the rule in content/rules.yaml (its current id, not an alias). */
  id: slugId,
  /** German name of the function, as in the Function column, e.g. "SIP-Verbindung". */
  title: title.optional(),
  /** What the connection is for, in German. */
  purpose: text.optional(),
  /** What users notice when the port is blocked, in German. */
  ifBlocked: text.optional(),
  /** One entry per English correction, in the same order; omitted when the English rule has none. */
  corrections: z.array(correctionTranslationSchema).default([]),
  /** Fields kept word for word from the English (see {@link SAME_AS_ENGLISH_FIELDS}). */
  sameAsEnglish: sameAsEnglish(SAME_AS_ENGLISH_FIELDS.rule),
});

/** The German texts of one table of a tab, matched to the English group by its id. */
const ruleGroupTranslationSchema = z.strictObject({
  /** Id of the group in content/deployments.yaml. */
  id: slugId,
  /** German heading above the table. */
  heading: title.optional(),
  /** German introduction; given exactly when the English group has an intro. */
  intro: text.optional(),
});

/** The German texts of one tab (content/de/deployments.yaml). */
export const deploymentTranslationSchema = z
  .strictObject({
    /** Which tab this translates (cloud, onsite). */
    id: z.enum(DEPLOYMENTS, { error: `must be one of: ${DEPLOYMENTS.join(', ')}` }),
    /** German tab label. */
    name: name.optional(),
    /** German sentence at the top of the tab panel. */
    summary: text.optional(),
    /** One entry per English group of the tab, matched by id. */
    groups: z.array(ruleGroupTranslationSchema).default([]),
    /** Fields kept word for word from the English, such as the tab name "Cloud" (see {@link SAME_AS_ENGLISH_FIELDS}). */
    sameAsEnglish: sameAsEnglish(SAME_AS_ENGLISH_FIELDS.deployment),
  })
  .superRefine((deployment, ctx) => {
    const seen = new Set<string>();
    deployment.groups.forEach((group, index) => {
      if (seen.has(group.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', index, 'id'],
          message: `group "${group.id}" is listed twice`,
        });
      }
      seen.add(group.id);
    });
  });

/** The German text of one change, in the order of the English entry's `changes`. */
const ruleChangeTranslationSchema = z.strictObject({
  /** What changed, in German, for the person who has to adjust a firewall. */
  summary: text.optional(),
});

/** The German texts of one published version (content/de/changelog.yaml). */
export const changelogTranslationSchema = z.strictObject({
  /** The data version of the English entry this translates, e.g. "2026.11.26.1". */
  id: dataVersion,
  /** German headline of the release. */
  title: headline.optional(),
  /** One entry per English change, in the same order. */
  changes: z.array(ruleChangeTranslationSchema).default([]),
});

export type DeviceTranslation = z.infer<typeof deviceTranslationSchema>;
export type EndpointTranslation = z.infer<typeof endpointTranslationSchema>;
export type RuleTranslation = z.infer<typeof ruleTranslationSchema>;
export type DeploymentTranslation = z.infer<typeof deploymentTranslationSchema>;
export type ChangelogTranslation = z.infer<typeof changelogTranslationSchema>;
