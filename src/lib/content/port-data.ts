/**
 * Builds the resolved port data (src/lib/model.ts) from the content
 * collections: first every reference between the files is checked
 * (references.ts), then the rules, tabs, rows and footnotes are resolved.
 */
import { DEPLOYMENTS, type Deployment } from '../../schemas/registries';
import type { Device } from '../../schemas/device';
import type { Endpoint } from '../../schemas/endpoint';
import type { PortRuleData } from '../../schemas/port-rule';
import type { DeploymentData, RuleGroupData } from '../../schemas/deployment';
import type { DeploymentView, Placement, PortData, PortRule, RuleGroup } from '../model';
import { ContentError } from './content-error';
import { DEFAULT_CONTENT_FILES, type ContentFiles } from './files';
import {
  checkEveryTab,
  checkPlacements,
  checkRuleReferences,
  collectAliases,
  indexGroups,
  placeRules,
  ProblemList,
  rulesOfGroup,
  type ContentIndex,
} from './references';
import { rowAnchor } from '../url/link-scheme';

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

function byPosition<T>(records: SourceRecord<T>[]): T[] {
  return [...records].sort((a, b) => a.position - b.position).map(({ record }) => record);
}

/**
 * Resolves every reference between the collections and builds what the pages
 * show. Throws a {@link ContentError} naming file, id and field for every
 * dangling reference or inconsistency, so bad data never reaches a page.
 */
export function assemblePortData(
  input: PortDataInput,
  files: ContentFiles = DEFAULT_CONTENT_FILES,
): PortData {
  const problems = new ProblemList(files);
  const devices = byPosition(input.devices);
  const endpoints = byPosition(input.endpoints);
  const rules = byPosition(input.rules);
  const deployments = byPosition(input.deployments);
  const content: ContentIndex = {
    devices,
    endpoints,
    rules,
    deployments,
    deviceById: new Map(devices.map((device) => [device.id, device])),
    endpointById: new Map(endpoints.map((endpoint) => [endpoint.id, endpoint])),
    ruleById: new Map(rules.map((rule) => [rule.id, rule])),
    groupById: new Map(),
  };

  checkRuleReferences(content, problems);
  const aliases = collectAliases(content, problems);
  content.groupById = indexGroups(deployments, problems);
  checkEveryTab(content, problems);
  const deploymentsOfRule = placeRules(content, problems);
  checkPlacements(content, deploymentsOfRule, problems);
  if (problems.messages.length > 0) throw new ContentError(problems.messages.join('\n'));

  const resolved = rules.map((rule) => resolveRule(rule, content, deploymentsOfRule));
  const ruleById = new Map(resolved.map((rule) => [rule.id, rule]));
  const views = DEPLOYMENTS.map((id) => deploymentView(id, content, ruleById));
  return {
    devices,
    endpoints,
    rules: resolved,
    deployments: views,
    footnotes: footnotesOf(views),
    aliases,
  };
}

/** A rule with its devices and endpoints looked up; every id is known to exist here. */
function resolveRule(
  rule: PortRuleData,
  content: ContentIndex,
  deploymentsOfRule: Map<string, Set<Deployment>>,
): PortRule {
  return {
    ...rule,
    devices: rule.devices.map((id) => content.deviceById.get(id)!),
    source: content.endpointById.get(rule.source)!,
    destinations: rule.destinations.map((id) => content.endpointById.get(id)!),
    deployments: DEPLOYMENTS.filter((id) => deploymentsOfRule.get(rule.id)?.has(id)),
  };
}

/** One tab: its groups and every row across them. */
function deploymentView(
  id: Deployment,
  content: ContentIndex,
  ruleById: Map<string, PortRule>,
): DeploymentView {
  const deployment = content.deployments.find((candidate) => candidate.id === id)!;
  const groups: RuleGroup[] = deployment.groups.map((group) => ({
    id: group.id,
    heading: group.heading,
    intro: group.intro,
    sameRulesAs: group.sameRulesAs,
    placements: rulesOfGroup(group, content).map((ruleId) =>
      placement(id, group, ruleById.get(ruleId)!, content),
    ),
  }));
  return {
    id,
    name: deployment.name,
    summary: deployment.summary,
    groups,
    placements: groups.flatMap((group) => group.placements),
  };
}

/**
 * A rule as a row of one tab. A group may retarget one of the rule's
 * destinations: in Onsite the pascom server takes the place of the cloud
 * instance, which turns source, destination and direction around.
 */
function placement(id: Deployment, group: RuleGroupData, rule: PortRule, content: ContentIndex): Placement {
  const retarget = group.retarget.find((candidate) =>
    rule.destinations.some((endpoint) => endpoint.id === candidate.from),
  );
  const endpoint = (endpointId: string) => content.endpointById.get(endpointId)!;
  return {
    anchor: rowAnchor(id, rule.id),
    deployment: id,
    groupId: group.id,
    rule,
    source: retarget ? endpoint(retarget.source) : rule.source,
    destinations: retarget
      ? rule.destinations.map((target) =>
          target.id === retarget.from ? endpoint(retarget.destination) : target,
        )
      : rule.destinations,
    direction: retarget ? retarget.direction : rule.direction,
    corrections: rule.corrections.filter(
      (correction) => correction.deployment === undefined || correction.deployment === id,
    ),
  };
}

/** Every endpoint footnote used on the page, in order of first use. */
function footnotesOf(deployments: readonly DeploymentView[]): Endpoint[] {
  const footnotes: Endpoint[] = [];
  for (const row of deployments.flatMap((deployment) => deployment.placements)) {
    for (const endpoint of [row.source, ...row.destinations, ...row.rule.destinations]) {
      if (endpoint.footnote !== undefined && !footnotes.includes(endpoint)) footnotes.push(endpoint);
    }
  }
  return footnotes;
}
