import { DEPLOYMENTS, isDeployment, type Deployment } from '../../schemas/registries';
import type { PortData } from '../model';
import { rowAnchor } from './link-scheme';

/**
 * What the overview's script needs to resolve any permanent link to a row: which
 * tabs each rule has a row in, and which old ids now name which rule. The page
 * carries it as part of its data (src/lib/ui/overview-data.ts, linkIndexOf).
 */
export interface LinkIndex {
  /** Every rule id, with the tabs it has a row in, in tab order. */
  rules: Record<string, Deployment[]>;
  /** Old rule ids mapped to the rule that now carries them. */
  aliases: Record<string, string>;
}

/** Where a fragment leads on the overview: a tab, and maybe an element inside it. */
export interface LinkTarget {
  deployment: Deployment;
  /** Id of the element to scroll to; absent when the fragment names the tab itself. */
  anchor?: string;
  /** Set when the anchor is a rule's row, so the page can highlight it. */
  ruleId?: string;
}

export function buildLinkIndex(data: Pick<PortData, 'rules' | 'aliases'>): LinkIndex {
  return {
    rules: Object.fromEntries(data.rules.map((rule) => [rule.id, [...rule.deployments]])),
    aliases: Object.fromEntries(data.aliases),
  };
}

/** The rule an id or an old id names now, if any. */
function resolveRuleId(id: string, index: LinkIndex): string | undefined {
  if (Object.hasOwn(index.rules, id)) return id;
  return Object.hasOwn(index.aliases, id) ? index.aliases[id] : undefined;
}

function rowTarget(ruleId: string, index: LinkIndex, preferred?: Deployment): LinkTarget | undefined {
  const deployments = index.rules[ruleId] ?? [];
  const deployment = preferred !== undefined && deployments.includes(preferred) ? preferred : deployments[0];
  if (deployment === undefined) return undefined;
  return { deployment, anchor: rowAnchor(deployment, ruleId), ruleId };
}

/**
 * Resolves a decoded URL fragment (without "#") on the overview. In order:
 * a tab ("onsite"); a row ("onsite-ntp-time"); a rule id or old id ("ntp-time"),
 * which lands on the rule's first row; a tab plus an old id ("onsite-old-id"),
 * which lands on the renamed rule's row in that tab (or its first row if it
 * left that tab); any other id inside a tab ("onsite-server-heading"). Anything
 * else is not ours to handle and yields undefined.
 */
export function resolveFragment(fragment: string, index: LinkIndex): LinkTarget | undefined {
  if (isDeployment(fragment)) return { deployment: fragment };
  for (const deployment of DEPLOYMENTS) {
    const rest = fragment.startsWith(`${deployment}-`) ? fragment.slice(deployment.length + 1) : '';
    if (Object.hasOwn(index.rules, rest) && index.rules[rest]?.includes(deployment)) {
      return { deployment, anchor: fragment, ruleId: rest };
    }
  }
  const ruleId = resolveRuleId(fragment, index);
  if (ruleId !== undefined) return rowTarget(ruleId, index);
  for (const deployment of DEPLOYMENTS) {
    if (!fragment.startsWith(`${deployment}-`)) continue;
    const rest = fragment.slice(deployment.length + 1);
    if (rest === '') return undefined;
    const renamed = resolveRuleId(rest, index);
    const target = renamed === undefined ? undefined : rowTarget(renamed, index, deployment);
    return target ?? { deployment, anchor: fragment };
  }
  return undefined;
}

/**
 * Every fragment of the overview that {@link resolveFragment} turns into a tab
 * or a rule's row: tabs, rows, rule ids, old ids, and tabs plus old ids. These
 * are the permanent links into the overview.
 */
export function linkFragments(index: LinkIndex): string[] {
  const fragments: string[] = [...DEPLOYMENTS];
  for (const [ruleId, deployments] of Object.entries(index.rules)) {
    fragments.push(...deployments.map((deployment) => rowAnchor(deployment, ruleId)), ruleId);
  }
  for (const [alias, ruleId] of Object.entries(index.aliases)) {
    fragments.push(alias, ...(index.rules[ruleId] ?? []).map((deployment) => rowAnchor(deployment, alias)));
  }
  return fragments;
}
