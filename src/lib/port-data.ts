import { DEPLOYMENTS, type Deployment, type Direction } from '../schemas/registries';
import type { Device } from '../schemas/device';
import type { Endpoint } from '../schemas/endpoint';
import type { PortRange, PortRuleData } from '../schemas/port-rule';
import type { DeploymentData, RuleGroupData } from '../schemas/deployment';
import { ContentError, describeProblem } from './content-error';
import { rowAnchor } from './link-scheme';

/** A record as the loader hands it over: validated data plus its place in the file. */
export interface SourceRecord<T> {
  position: number;
  record: T;
}

export interface PortDataInput {
  devices: SourceRecord<Device>[];
  endpoints: SourceRecord<Endpoint>[];
  rules: SourceRecord<PortRuleData>[];
  deployments: SourceRecord<DeploymentData>[];
}

/** File names used in messages about each collection. */
export interface PortDataFiles {
  devices: string;
  endpoints: string;
  rules: string;
  deployments: string;
}

/** The YAML file of each collection in a content folder. */
export function contentFilesIn(dir: string): PortDataFiles {
  return {
    devices: `${dir}/devices.yaml`,
    endpoints: `${dir}/endpoints.yaml`,
    rules: `${dir}/rules.yaml`,
    deployments: `${dir}/deployments.yaml`,
  };
}

export const DEFAULT_FILES: PortDataFiles = contentFilesIn('content');

export type Correction = PortRuleData['corrections'][number];

/** A rule with its references resolved. */
export interface PortRule extends Omit<PortRuleData, 'devices' | 'source' | 'destinations'> {
  devices: Device[];
  source: Endpoint;
  destinations: Endpoint[];
  /** The tabs the rule appears in, in tab order. */
  deployments: Deployment[];
}

/** A rule as one row of one tab: source, target and direction as they apply there. */
export interface Placement {
  /** Unique anchor of the row on the port overview, e.g. "onsite-sip-tls". */
  anchor: string;
  deployment: Deployment;
  groupId: string;
  rule: PortRule;
  source: Endpoint;
  destinations: Endpoint[];
  direction: Direction;
  /** Only the corrections that concern this tab. */
  corrections: Correction[];
}

export interface RuleGroup {
  id: string;
  heading: string;
  intro?: string | undefined;
  /** Id of the group whose rules this one shows again, if any. */
  sameRulesAs?: string | undefined;
  placements: Placement[];
}

export interface DeploymentView {
  id: Deployment;
  name: string;
  summary: string;
  groups: RuleGroup[];
  /** Every row of the tab, across its groups. */
  placements: Placement[];
}

export interface PortData {
  /** In file order, which is the order of the legend. */
  devices: Device[];
  endpoints: Endpoint[];
  /** In file order. */
  rules: PortRule[];
  /** In the order of the tabs. */
  deployments: DeploymentView[];
  /** Every endpoint footnote used on the page, in order of first use. */
  footnotes: Endpoint[];
  /** Old rule ids mapped to the rule that now carries them. */
  aliases: Map<string, string>;
}

/** Anchor of a rule's row in a tab; the URL scheme in link-scheme.ts owns its form. */
export function placementAnchor(deployment: Deployment, ruleId: string): string {
  return rowAnchor(deployment, ruleId);
}

/** The port part of a rule as people write it: "5061", "30000-35000", "80, 443". */
export function formatPorts(ports: readonly PortRange[]): string {
  return ports.map(({ from, to }) => (from === to ? String(from) : `${from}-${to}`)).join(', ');
}

function byPosition<T>(records: SourceRecord<T>[]): T[] {
  return [...records].sort((a, b) => a.position - b.position).map(({ record }) => record);
}

/**
 * Resolves every reference between the collections and builds what the pages
 * show. Throws a {@link ContentError} naming file, id and field for every
 * dangling reference or inconsistency, so bad data never reaches a page.
 */
export function assemblePortData(input: PortDataInput, files: PortDataFiles = DEFAULT_FILES): PortData {
  const problems: string[] = [];
  const devices = byPosition(input.devices);
  const endpoints = byPosition(input.endpoints);
  const ruleData = byPosition(input.rules);
  const deploymentData = byPosition(input.deployments);

  const deviceById = new Map(devices.map((device) => [device.id, device]));
  const endpointById = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  const ruleById = new Map(ruleData.map((rule) => [rule.id, rule]));

  const problem = (file: string, entryLabel: string, id: string, field: string, message: string) =>
    problems.push(describeProblem({ file, entryLabel, id, field }, message));

  const known = (map: Map<string, unknown>) => [...map.keys()].join(', ');

  // Rules: every device and endpoint they name must exist; aliases must be unique.
  const aliases = new Map<string, string>();
  for (const rule of ruleData) {
    rule.devices.forEach((deviceId, index) => {
      if (!deviceById.has(deviceId)) {
        problem(
          files.rules,
          'rule',
          rule.id,
          `devices[${index}]`,
          `unknown device "${deviceId}" (known: ${known(deviceById)})`,
        );
      }
    });
    if (!endpointById.has(rule.source)) {
      problem(
        files.rules,
        'rule',
        rule.id,
        'source',
        `unknown endpoint "${rule.source}" (known: ${known(endpointById)})`,
      );
    }
    rule.destinations.forEach((endpointId, index) => {
      if (!endpointById.has(endpointId)) {
        problem(
          files.rules,
          'rule',
          rule.id,
          `destinations[${index}]`,
          `unknown endpoint "${endpointId}" (known: ${known(endpointById)})`,
        );
      }
    });
    rule.aliases.forEach((alias, index) => {
      const owner = ruleById.has(alias) ? alias : aliases.get(alias);
      if (owner !== undefined) {
        problem(
          files.rules,
          'rule',
          rule.id,
          `aliases[${index}]`,
          `"${alias}" already names rule "${owner}"`,
        );
      }
      aliases.set(alias, rule.id);
    });
  }

  // Deployments: every tab exists once; groups name existing rules, groups and endpoints.
  const groupById = new Map<string, { deployment: Deployment; group: RuleGroupData }>();
  for (const deployment of deploymentData) {
    deployment.groups.forEach((group, index) => {
      if (groupById.has(group.id)) {
        problem(
          files.deployments,
          'deployment',
          deployment.id,
          `groups[${index}].id`,
          `group id "${group.id}" is used twice`,
        );
      }
      groupById.set(group.id, { deployment: deployment.id, group });
    });
  }
  for (const id of DEPLOYMENTS) {
    if (!deploymentData.some((deployment) => deployment.id === id)) {
      problems.push(describeProblem({ file: files.deployments }, `the "${id}" tab is missing`));
    }
  }

  const rulesOfGroup = (group: RuleGroupData): string[] => {
    if (group.rules) return group.rules;
    const shared = group.sameRulesAs === undefined ? undefined : groupById.get(group.sameRulesAs)?.group;
    return shared?.rules ?? [];
  };

  const deploymentsOfRule = new Map<string, Set<Deployment>>();
  for (const deployment of deploymentData) {
    const seenInTab = new Set<string>();
    deployment.groups.forEach((group, groupIndex) => {
      const field = `groups[${groupIndex}]`;
      if (group.sameRulesAs !== undefined) {
        const shared = groupById.get(group.sameRulesAs)?.group;
        if (!shared) {
          problem(
            files.deployments,
            'deployment',
            deployment.id,
            `${field}.sameRulesAs`,
            `unknown group "${group.sameRulesAs}" (known: ${known(groupById)})`,
          );
        } else if (shared.rules === undefined) {
          problem(
            files.deployments,
            'deployment',
            deployment.id,
            `${field}.sameRulesAs`,
            `group "${shared.id}" itself shares rules; point to the group that lists them`,
          );
        }
      }
      group.retarget.forEach((retarget, index) => {
        for (const key of ['from', 'source', 'destination'] as const) {
          if (!endpointById.has(retarget[key])) {
            problem(
              files.deployments,
              'deployment',
              deployment.id,
              `${field}.retarget[${index}].${key}`,
              `unknown endpoint "${retarget[key]}" (known: ${known(endpointById)})`,
            );
          }
        }
      });
      (group.rules ?? []).forEach((ruleId, index) => {
        if (!ruleById.has(ruleId)) {
          problem(
            files.deployments,
            'deployment',
            deployment.id,
            `${field}.rules[${index}]`,
            `unknown rule "${ruleId}"`,
          );
        }
      });
      for (const ruleId of rulesOfGroup(group)) {
        if (!ruleById.has(ruleId)) continue;
        if (seenInTab.has(ruleId)) {
          problem(
            files.deployments,
            'deployment',
            deployment.id,
            field,
            `rule "${ruleId}" appears twice in this tab`,
          );
        }
        seenInTab.add(ruleId);
        const set = deploymentsOfRule.get(ruleId) ?? new Set<Deployment>();
        set.add(deployment.id);
        deploymentsOfRule.set(ruleId, set);
      }
    });
  }

  for (const rule of ruleData) {
    const placedIn = deploymentsOfRule.get(rule.id);
    if (!placedIn) {
      problem(
        files.rules,
        'rule',
        rule.id,
        'id',
        `the rule is in no tab; list it under a group in ${files.deployments}`,
      );
    }
    rule.corrections.forEach((correction, index) => {
      if (correction.deployment !== undefined && !placedIn?.has(correction.deployment)) {
        problem(
          files.rules,
          'rule',
          rule.id,
          `corrections[${index}].deployment`,
          `the rule is not shown in the "${correction.deployment}" tab`,
        );
      }
    });
  }

  if (problems.length > 0) throw new ContentError(problems.join('\n'));

  // Everything resolves: build the view.
  const rules: PortRule[] = ruleData.map((rule) => ({
    ...rule,
    devices: rule.devices.map((id) => deviceById.get(id)!),
    source: endpointById.get(rule.source)!,
    destinations: rule.destinations.map((id) => endpointById.get(id)!),
    deployments: DEPLOYMENTS.filter((id) => deploymentsOfRule.get(rule.id)?.has(id)),
  }));
  const resolvedRuleById = new Map(rules.map((rule) => [rule.id, rule]));

  const deployments: DeploymentView[] = DEPLOYMENTS.map((id) => {
    const deployment = deploymentData.find((candidate) => candidate.id === id)!;
    const groups: RuleGroup[] = deployment.groups.map((group) => ({
      id: group.id,
      heading: group.heading,
      intro: group.intro,
      sameRulesAs: group.sameRulesAs,
      placements: rulesOfGroup(group).map((ruleId) => {
        const rule = resolvedRuleById.get(ruleId)!;
        const retarget = group.retarget.find((candidate) =>
          rule.destinations.some((endpoint) => endpoint.id === candidate.from),
        );
        return {
          anchor: placementAnchor(id, rule.id),
          deployment: id,
          groupId: group.id,
          rule,
          source: retarget ? endpointById.get(retarget.source)! : rule.source,
          destinations: retarget
            ? rule.destinations.map((endpoint) =>
                endpoint.id === retarget.from ? endpointById.get(retarget.destination)! : endpoint,
              )
            : rule.destinations,
          direction: retarget ? retarget.direction : rule.direction,
          corrections: rule.corrections.filter(
            (correction) => correction.deployment === undefined || correction.deployment === id,
          ),
        };
      }),
    }));
    return {
      id,
      name: deployment.name,
      summary: deployment.summary,
      groups,
      placements: groups.flatMap((group) => group.placements),
    };
  });

  const footnotes: Endpoint[] = [];
  for (const placement of deployments.flatMap((deployment) => deployment.placements)) {
    for (const endpoint of [placement.source, ...placement.destinations, ...placement.rule.destinations]) {
      if (endpoint.footnote !== undefined && !footnotes.includes(endpoint)) footnotes.push(endpoint);
    }
  }

  return { devices, endpoints, rules, deployments, footnotes, aliases };
}
