/**
 * The shared step of the check scripts: the selected rules of a tab and the
 * validated settings become a plan of checks (what to connect to, on which port,
 * how, and what to do when it fails) and a list of every port the scripts
 * cannot test, with the reason. The spellers (./bash.ts, ./powershell.ts) only
 * write this plan in their language's syntax.
 */
import { PROBES, type Deployment, type Direction, type Lang, type ProbeKind } from '../../schemas/registries';
import { localPath } from '../lang';
import { formatPortRange } from '../ports';
import { rulePageUrl } from '../url/link-scheme';
import type { SnippetInput, SnippetRule } from '../firewall/plan';
import type { SnippetSettings } from '../firewall/settings';
import { safeText } from '../firewall/text';
import { CHECK_TEXTS, type CheckTexts, type UntestedReason } from './texts';

/**
 * What the plan is made from: the selected rows of one tab, as the firewall
 * snippets get them (`toSnippetInput`), whose rules carry their `checks` and
 * `untestable`. The snippet panel's data holds them, so the browser can write a
 * check script for the reader's filter and settings.
 */
export type CheckInput = Pick<SnippetInput, 'deployment' | 'rules' | 'lang'>;
type CheckRule = SnippetRule;

/** The probes a script can run: every kind the registry marks `script`. */
type ScriptProbeKind = Exclude<ProbeKind, 'stun'>;

function isScriptProbe(kind: ProbeKind): kind is ScriptProbeKind {
  return PROBES[kind].script;
}

/**
 * What a check connects to: a fixed host name, or the script's ADDRESS argument
 * (your pascom.cloud instance outbound, your pascom server inbound), which the
 * script only knows when it runs.
 */
export type CheckTarget = { kind: 'host'; host: string } | { kind: 'address' };

/** One connection a script opens. */
interface PlannedCheck {
  ruleId: string;
  kind: ScriptProbeKind;
  port: number;
  /** "5061/tcp". */
  portProtocol: string;
  target: CheckTarget;
  /** What to do when the check fails; `{host}` stands for the host it tried. */
  advice: string;
}

/** A port of a rule the scripts do not test, and why. */
interface UntestedPort {
  ruleId: string;
  /** "30000-35000/udp". */
  portProtocol: string;
  reason: UntestedReason;
  /** The reason as a sentence of the script's language. */
  text: string;
}

/** The checks of one direction: what one run of the script tests. */
export interface CheckMode {
  direction: Direction;
  checks: PlannedCheck[];
  untested: UntestedPort[];
  /** Every target of the checks once, in order of first use; each is looked up in DNS once. */
  targets: CheckTarget[];
  /** Whether a check connects to ADDRESS, and what ADDRESS is when the script gets none. */
  address: { needed: boolean; default?: string | undefined };
}

/** Everything a speller writes. */
export interface CheckPlan {
  deployment: { id: Deployment; name: string };
  lang: Lang;
  texts: CheckTexts;
  /** Port rules in the plan. */
  ruleCount: number;
  /** One per direction with rules, outbound first; the first is what the script runs by default. */
  modes: CheckMode[];
}

/** Where the rule pages are: the site's origin, e.g. https://ports.pascom.example. */
export interface CheckSite {
  origin: string;
}

function portProtocols(rule: CheckRule): string {
  return rule.protocols
    .flatMap((protocol) => rule.ports.map((range) => `${formatPortRange(range)}/${protocol}`))
    .join(', ');
}

/** Resolves the selected rules against the settings. */
export function planChecks(input: CheckInput, settings: SnippetSettings, site: CheckSite): CheckPlan {
  const lang = input.lang ?? 'en';
  const texts = CHECK_TEXTS[lang];
  const modes: CheckMode[] = [];
  for (const direction of ['outbound', 'inbound'] as const) {
    const rules = input.rules.filter((rule) => rule.direction === direction);
    if (rules.length === 0) continue;
    const mode: CheckMode = { direction, checks: [], untested: [], targets: [], address: { needed: false } };
    const untested = (rule: CheckRule, portProtocol: string, reason: UntestedReason) =>
      mode.untested.push({ ruleId: safeText(rule.id), portProtocol, reason, text: texts.untested[reason] });
    for (const rule of rules) {
      const url = `${site.origin}${localPath(lang, rulePageUrl(rule.id))}`;
      const checks = rule.checks ?? [];
      if (rule.untestable !== undefined) untested(rule, portProtocols(rule), rule.untestable);
      else if (checks.length === 0) untested(rule, portProtocols(rule), 'none');
      for (const check of checks) {
        const portProtocol = `${check.port}/${PROBES[check.kind].protocol}`;
        if (!isScriptProbe(check.kind)) {
          untested(rule, portProtocol, 'stun');
          continue;
        }
        const advice =
          direction === 'outbound'
            ? texts.openOutbound(portProtocol, url)
            : texts.openInbound(portProtocol, url);
        for (const target of checkTargets(rule)) {
          if (target.kind === 'address') mode.address.needed = true;
          if (!mode.targets.some((known) => sameTarget(known, target))) mode.targets.push(target);
          mode.checks.push({
            ruleId: safeText(rule.id),
            kind: check.kind,
            port: check.port,
            portProtocol,
            target,
            advice,
          });
        }
      }
    }
    if (mode.address.needed) {
      mode.address.default =
        direction === 'inbound' ? (settings.server4 ?? settings.server6) : settings.instanceHost;
    }
    modes.push(mode);
  }
  return {
    deployment: { id: input.deployment.id, name: safeText(input.deployment.name) },
    lang,
    texts,
    ruleCount: input.rules.length,
    modes,
  };
}

/**
 * Where a rule's checks connect: inbound, to the pascom server (ADDRESS); outbound,
 * to each destination's host names, and to your instance (ADDRESS) for pascom.cloud.
 * The instance the settings name is only ADDRESS's default, so a reader can still test another.
 */
function checkTargets(rule: CheckRule): CheckTarget[] {
  if (rule.direction === 'inbound') return [{ kind: 'address' }];
  return rule.destinations.flatMap((endpoint): CheckTarget[] => {
    if (endpoint.kind === 'network') return [];
    if (endpoint.kind === 'pascom-instance') return [{ kind: 'address' }];
    return endpoint.hosts.map((host) => ({ kind: 'host', host }));
  });
}

function sameTarget(a: CheckTarget, b: CheckTarget): boolean {
  return a.kind === b.kind && (a.kind === 'address' || (b.kind === 'host' && a.host === b.host));
}

/** How many checks and untested ports a plan holds, for the first line. */
export function checkCounts(plan: CheckPlan): { checks: number; rules: number; untested: number } {
  return {
    checks: plan.modes.reduce((sum, mode) => sum + mode.checks.length, 0),
    rules: plan.ruleCount,
    untested: plan.modes.reduce((sum, mode) => sum + mode.untested.length, 0),
  };
}
