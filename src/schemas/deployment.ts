import { z } from 'astro/zod';
import { DEPLOYMENTS, DIRECTIONS } from './registries';
import { name, slugId, text, title } from './common';

/**
 * How a group that reuses another group's rules re-reads them: every rule that
 * targets `from` is shown with this source, target and direction instead.
 */
const retargetSchema = z.strictObject({
  /** Endpoint id the shared rules target in the group they come from. */
  from: slugId,
  /** Endpoint id connections start from in this group. */
  source: slugId,
  /** Endpoint id connections go to in this group. */
  destination: slugId,
  /** Direction of those connections in this group. */
  direction: z.enum(DIRECTIONS, { error: `must be one of: ${DIRECTIONS.join(', ')}` }),
});

/** A table within a tab: a heading, an optional introduction and its rules in order. */
const ruleGroupSchema = z
  .strictObject({
    /** Permanent id; it is the group's anchor on the page. */
    id: slugId,
    /** Heading above the group's table. */
    heading: title,
    /** Paragraph shown between the heading and the table. */
    intro: text.optional(),
    /** Rule ids from content/rules.yaml, in the order the table lists them. */
    rules: z.array(slugId).min(1, { error: 'needs at least one rule' }).optional(),
    /** Id of another group whose rules this group shows too (instead of `rules`). */
    sameRulesAs: slugId.optional(),
    /** Rule ids of the shared group this group leaves out, e.g. to list them under a heading that fits them; only with `sameRulesAs`. */
    except: z.array(slugId).default([]),
    /** How the shared rules change in this group; only with `sameRulesAs`. */
    retarget: z.array(retargetSchema).default([]),
  })
  .superRefine((group, ctx) => {
    if ((group.rules === undefined) === (group.sameRulesAs === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: 'give either "rules" (a list of rule ids) or "sameRulesAs" (a group id), not both',
      });
    }
    if (group.except.length > 0 && group.sameRulesAs === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['except'],
        message: '"except" only applies to a group with "sameRulesAs"',
      });
    }
    if (group.retarget.length > 0 && group.sameRulesAs === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['retarget'],
        message: '"retarget" only applies to a group with "sameRulesAs"',
      });
    }
  });

/** One tab of the port overview (content/deployments.yaml). */
export const deploymentSchema = z.strictObject({
  /** Which deployment this is; also the tab's anchor (#cloud, #onsite). */
  id: z.enum(DEPLOYMENTS, { error: `must be one of: ${DEPLOYMENTS.join(', ')}` }),
  /** Tab label. */
  name,
  /** Sentence at the top of the tab panel. */
  summary: text,
  /** Tables of the tab, in order. */
  groups: z.array(ruleGroupSchema).min(1, { error: 'needs at least one group' }),
});

export type DeploymentData = z.infer<typeof deploymentSchema>;
export type RuleGroupData = z.infer<typeof ruleGroupSchema>;
