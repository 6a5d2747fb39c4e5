/**
 * The resolved port data: what the build hands to pages, feeds, snippets and the
 * browser once every reference between the content files is checked
 * (src/lib/content/port-data.ts builds it). Types only, so every layer may use it.
 */
import type { Deployment, Direction } from '../schemas/registries';
import type { Device } from '../schemas/device';
import type { Endpoint } from '../schemas/endpoint';
import type { PortRuleData } from '../schemas/port-rule';

type Correction = PortRuleData['corrections'][number];

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
