import type { Placement, PortData, PortRule } from '../model';
import { rulePageUrl } from '../url/link-scheme';

/** One row of a rule in the overview, with the names of the tab and table it sits in. */
export interface RuleRow {
  placement: Placement;
  /** Tab label, e.g. "Onsite". */
  deploymentName: string;
  /** Heading of the table the row is in. */
  groupHeading: string;
}

/** A page under /rules/: a rule's own page, or the redirect left at an old id. */
export type RulePageEntry =
  | { kind: 'rule'; id: string; rule: PortRule; rows: RuleRow[] }
  | { kind: 'alias'; id: string; rule: PortRule; target: string };

/**
 * Every page under /rules/: one per rule, with the rule's rows in tab order,
 * plus one redirect per old id, so links to a renamed rule's page keep working.
 */
export function rulePageEntries(data: Pick<PortData, 'rules' | 'deployments' | 'aliases'>): RulePageEntry[] {
  const rows: RuleRow[] = data.deployments.flatMap((deployment) =>
    deployment.groups.flatMap((group) =>
      group.placements.map((placement) => ({
        placement,
        deploymentName: deployment.name,
        groupHeading: group.heading,
      })),
    ),
  );
  const ruleById = new Map(data.rules.map((rule) => [rule.id, rule]));
  const entries: RulePageEntry[] = data.rules.map((rule) => ({
    kind: 'rule',
    id: rule.id,
    rule,
    rows: rows.filter((row) => row.placement.rule.id === rule.id),
  }));
  for (const [alias, ruleId] of data.aliases) {
    const rule = ruleById.get(ruleId);
    if (rule) entries.push({ kind: 'alias', id: alias, rule, target: rulePageUrl(rule.id) });
  }
  return entries;
}
