/**
 * The checks between the content files: every id a file names must exist, and
 * the tabs must place every rule once. Each check is a small function that
 * reports problems naming file, entry and field, so an editor knows what to fix.
 */
import { DEPLOYMENTS, type Deployment } from '../../schemas/registries';
import type { Device } from '../../schemas/device';
import type { Endpoint } from '../../schemas/endpoint';
import type { PortRuleData } from '../../schemas/port-rule';
import type { DeploymentData, RuleGroupData } from '../../schemas/deployment';
import { describeProblem } from './content-error';
import type { ContentFiles } from './files';

/** The content, each collection in file order, with lookups by id. */
export interface ContentIndex {
  devices: Device[];
  endpoints: Endpoint[];
  rules: PortRuleData[];
  deployments: DeploymentData[];
  deviceById: Map<string, Device>;
  endpointById: Map<string, Endpoint>;
  ruleById: Map<string, PortRuleData>;
  /** Every group of every tab, with the tab it is in. */
  groupById: Map<string, { deployment: Deployment; group: RuleGroupData }>;
}

/** Collects problems as text for a {@link ContentError}. */
export class ProblemList {
  readonly messages: string[] = [];
  constructor(readonly files: ContentFiles) {}

  rule(id: string, field: string, message: string): void {
    this.messages.push(describeProblem({ file: this.files.rules, entryLabel: 'rule', id, field }, message));
  }

  deployment(id: string, field: string, message: string): void {
    this.messages.push(
      describeProblem({ file: this.files.deployments, entryLabel: 'deployment', id, field }, message),
    );
  }

  file(file: string, message: string): void {
    this.messages.push(describeProblem({ file }, message));
  }
}

function known(map: Map<string, unknown>): string {
  return [...map.keys()].join(', ');
}

/** Every device and endpoint a rule names exists. */
export function checkRuleReferences(content: ContentIndex, problems: ProblemList): void {
  for (const rule of content.rules) {
    rule.devices.forEach((deviceId, index) => {
      if (!content.deviceById.has(deviceId))
        problems.rule(
          rule.id,
          `devices[${index}]`,
          `unknown device "${deviceId}" (known: ${known(content.deviceById)})`,
        );
    });
    if (!content.endpointById.has(rule.source))
      problems.rule(
        rule.id,
        'source',
        `unknown endpoint "${rule.source}" (known: ${known(content.endpointById)})`,
      );
    rule.destinations.forEach((endpointId, index) => {
      if (!content.endpointById.has(endpointId))
        problems.rule(
          rule.id,
          `destinations[${index}]`,
          `unknown endpoint "${endpointId}" (known: ${known(content.endpointById)})`,
        );
    });
  }
}

/** Old rule ids mapped to the rule that carries them now; an old id names one rule only. */
export function collectAliases(content: ContentIndex, problems: ProblemList): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const rule of content.rules) {
    rule.aliases.forEach((alias, index) => {
      const owner = content.ruleById.has(alias) ? alias : aliases.get(alias);
      if (owner !== undefined)
        problems.rule(rule.id, `aliases[${index}]`, `"${alias}" already names rule "${owner}"`);
      aliases.set(alias, rule.id);
    });
  }
  return aliases;
}

/** Every group of every tab by its id, which must be unique across tabs. */
export function indexGroups(
  deployments: readonly DeploymentData[],
  problems: ProblemList,
): ContentIndex['groupById'] {
  const groupById: ContentIndex['groupById'] = new Map();
  for (const deployment of deployments) {
    deployment.groups.forEach((group, index) => {
      if (groupById.has(group.id))
        problems.deployment(deployment.id, `groups[${index}].id`, `group id "${group.id}" is used twice`);
      groupById.set(group.id, { deployment: deployment.id, group });
    });
  }
  return groupById;
}

/** Every tab of the registry has its entry in the deployments file. */
export function checkEveryTab(content: ContentIndex, problems: ProblemList): void {
  for (const id of DEPLOYMENTS) {
    if (!content.deployments.some((deployment) => deployment.id === id))
      problems.file(problems.files.deployments, `the "${id}" tab is missing`);
  }
}

/** The rule ids a group shows: its own list, or the list of the group it shares without its exceptions. */
export function rulesOfGroup(group: RuleGroupData, content: ContentIndex): string[] {
  if (group.rules) return group.rules;
  const shared =
    group.sameRulesAs === undefined ? undefined : content.groupById.get(group.sameRulesAs)?.group;
  return (shared?.rules ?? []).filter((ruleId) => !group.except.includes(ruleId));
}

/** A group's own references: the group it shares, the endpoints it retargets, the rules it lists. */
function checkGroup(
  deployment: DeploymentData,
  group: RuleGroupData,
  field: string,
  content: ContentIndex,
  problems: ProblemList,
): void {
  if (group.sameRulesAs !== undefined) {
    const shared = content.groupById.get(group.sameRulesAs)?.group;
    if (!shared) {
      problems.deployment(
        deployment.id,
        `${field}.sameRulesAs`,
        `unknown group "${group.sameRulesAs}" (known: ${known(content.groupById)})`,
      );
    } else if (shared.rules === undefined) {
      problems.deployment(
        deployment.id,
        `${field}.sameRulesAs`,
        `group "${shared.id}" itself shares rules; point to the group that lists them`,
      );
    }
  }
  const shared =
    group.sameRulesAs === undefined ? undefined : content.groupById.get(group.sameRulesAs)?.group;
  group.except.forEach((ruleId, index) => {
    if (shared?.rules !== undefined && !shared.rules.includes(ruleId))
      problems.deployment(
        deployment.id,
        `${field}.except[${index}]`,
        `rule "${ruleId}" is not in group "${shared.id}", so it cannot be left out of it`,
      );
  });
  group.retarget.forEach((retarget, index) => {
    for (const key of ['from', 'source', 'destination'] as const) {
      if (!content.endpointById.has(retarget[key]))
        problems.deployment(
          deployment.id,
          `${field}.retarget[${index}].${key}`,
          `unknown endpoint "${retarget[key]}" (known: ${known(content.endpointById)})`,
        );
    }
  });
  (group.rules ?? []).forEach((ruleId, index) => {
    if (!content.ruleById.has(ruleId))
      problems.deployment(deployment.id, `${field}.rules[${index}]`, `unknown rule "${ruleId}"`);
  });
}

/**
 * The tabs each rule is placed in, checking every group on the way. A rule
 * appears at most once per tab.
 */
export function placeRules(content: ContentIndex, problems: ProblemList): Map<string, Set<Deployment>> {
  const deploymentsOfRule = new Map<string, Set<Deployment>>();
  for (const deployment of content.deployments) {
    const seenInTab = new Set<string>();
    deployment.groups.forEach((group, groupIndex) => {
      const field = `groups[${groupIndex}]`;
      checkGroup(deployment, group, field, content, problems);
      for (const ruleId of rulesOfGroup(group, content)) {
        if (!content.ruleById.has(ruleId)) continue;
        if (seenInTab.has(ruleId))
          problems.deployment(deployment.id, field, `rule "${ruleId}" appears twice in this tab`);
        seenInTab.add(ruleId);
        const tabs = deploymentsOfRule.get(ruleId) ?? new Set<Deployment>();
        tabs.add(deployment.id);
        deploymentsOfRule.set(ruleId, tabs);
      }
    });
  }
  return deploymentsOfRule;
}

/** Every rule is in some tab, and a correction for one tab names a tab the rule is in. */
export function checkPlacements(
  content: ContentIndex,
  deploymentsOfRule: Map<string, Set<Deployment>>,
  problems: ProblemList,
): void {
  for (const rule of content.rules) {
    const placedIn = deploymentsOfRule.get(rule.id);
    if (!placedIn)
      problems.rule(
        rule.id,
        'id',
        `the rule is in no tab; list it under a group in ${problems.files.deployments}`,
      );
    rule.corrections.forEach((correction, index) => {
      if (correction.deployment !== undefined && !placedIn?.has(correction.deployment))
        problems.rule(
          rule.id,
          `corrections[${index}].deployment`,
          `the rule is not shown in the "${correction.deployment}" tab`,
        );
    });
  }
}
