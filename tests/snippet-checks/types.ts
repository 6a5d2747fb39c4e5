import type { PlatformId } from '../../src/lib/firewall/platforms';

/**
 * An independent check of one platform's snippets: either the platform's real
 * tool, run here, or a grammar written from the vendor's published definitions.
 * Golden files freeze output; a check says whether the output is right.
 */
export interface SnippetCheck {
  /** Short name of the check, e.g. "pfctl grammar" or "shellcheck". */
  name: string;
  /** The platforms whose snippets it checks; a platform may have several checks (a tool and a grammar). */
  platforms: readonly PlatformId[];
  /** `tool`: the platform's own program runs the snippet; `grammar`: our reading of the vendor's definitions. */
  kind: 'tool' | 'grammar';
  /** The tool, or the vendor sources the grammar follows, for the README table. */
  source: string;
  /**
   * True where the check loads the snippet as the platform does (its real tool
   * runs it), so it must refuse a snippet whose values are not given.
   */
  loadsValues?: true;
  /** What this check cannot see, for the README table. */
  notChecked: string;
  /** Why the check cannot run on this machine (a missing tool), or undefined when it can. */
  unavailable(): string | undefined;
  /** Every problem found in the snippet, one readable message each; empty when it is accepted. */
  check(text: string): string[];
  /**
   * Faults planted into a good snippet (the default Cloud or Onsite one, all
   * devices) that the check must reject. Each names the defect it stands for.
   */
  planted: PlantedFault[];
}

export interface PlantedFault {
  /** What the fault is, e.g. "label longer than 63 characters (PF_RULE_LABEL_SIZE)". */
  name: string;
  /** Which platform's snippet to plant it in (one of the check's platforms). */
  platform: PlatformId;
  /** Which snippet to plant it in. */
  deployment: 'cloud' | 'onsite';
  /** Returns the snippet with the fault planted; must change the text. */
  plant(text: string): string;
}
