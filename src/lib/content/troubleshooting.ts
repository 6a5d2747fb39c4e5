import type { TroubleshootingEntryData } from '../../schemas/troubleshooting';
import type { FirewallNote, Lang } from '../../schemas/registries';
import { ContentError, describeProblem } from './content-error';
import { DEFAULT_CONTENT_FILES } from './files';
import type { PortData, PortRule } from '../model';
import type { SourceRecord } from './port-data';
import type { GermanTroubleshootingTexts } from './translations';
import { SNIPPET_TEXTS } from '../firewall/texts';

/** One symptom of "Calls failing?" with its rules resolved. */
export interface Symptom {
  id: string;
  symptom: string;
  fix: string;
  /** In the order the entry names them. */
  rules: PortRule[];
  advice: FirewallNote[];
}

/**
 * Resolves the rule ids of "Calls failing?" against the rules. Throws a {@link ContentError}
 * naming file, entry and field for an unknown rule (an old id names the rule that carries it now)
 * or a rule no tab shows, so a symptom never links to a page that does not exist.
 */
export function assembleTroubleshooting(
  entries: readonly SourceRecord<TroubleshootingEntryData>[],
  data: PortData,
  file: string = DEFAULT_CONTENT_FILES.troubleshooting,
): Symptom[] {
  const problems: string[] = [];
  const ruleById = new Map(data.rules.map((rule) => [rule.id, rule]));
  const symptoms = [...entries]
    .sort((a, b) => a.position - b.position)
    .map(({ record }): Symptom => {
      const rules: PortRule[] = [];
      record.rules.forEach((id, index) => {
        const rule = ruleById.get(id);
        if (rule) rules.push(rule);
        else {
          const current = data.aliases.get(id);
          problems.push(
            describeProblem(
              { file, entryLabel: 'symptom', id: record.id, field: `rules[${index}]` },
              current === undefined
                ? `unknown rule "${id}" (known: ${[...ruleById.keys()].join(', ')})`
                : `"${id}" is an old id of rule "${current}"; use the current id`,
            ),
          );
        }
      });
      record.advice.forEach((note, index) => {
        if (rules.length === record.rules.length && !rules.some((rule) => rule.firewallNotes.includes(note)))
          problems.push(
            describeProblem(
              { file, entryLabel: 'symptom', id: record.id, field: `advice[${index}]` },
              `none of its rules carries the platform advice "${note}"; name a rule whose firewallNotes list it, or remove it`,
            ),
          );
      });
      return { id: record.id, symptom: record.symptom, fix: record.fix, rules, advice: [...record.advice] };
    });
  if (problems.length > 0) throw new ContentError(problems.join('\n'));
  return symptoms;
}

/** The symptoms with their German texts; rules come from the German port data, so titles are German too. */
export function translateTroubleshooting(
  symptoms: readonly Symptom[],
  texts: GermanTroubleshootingTexts,
  germanData: PortData,
): Symptom[] {
  const ruleById = new Map(germanData.rules.map((rule) => [rule.id, rule]));
  return symptoms.map((symptom) => {
    const german = texts.get(symptom.id);
    if (!german)
      throw new Error(`No German text for symptom "${symptom.id}"; run the translation check first`);
    return { ...symptom, ...german, rules: symptom.rules.map((rule) => ruleById.get(rule.id) ?? rule) };
  });
}

/** The symptoms that concern a tab: those naming at least one rule the tab shows. */
export function symptomsOfTab(symptoms: readonly Symptom[], ruleIdsOfTab: ReadonlySet<string>): Symptom[] {
  return symptoms.filter((symptom) => symptom.rules.some((rule) => ruleIdsOfTab.has(rule.id)));
}

/** A link from a symptom to a rule page's "On your firewall" advice for every platform. */
interface AdviceLink {
  /** The rule whose page carries the advice: the symptom's first rule with that firewall note. */
  ruleId: string;
  /** The note's heading as the rule page shows it, e.g. "SIP ALG". */
  label: string;
}

/**
 * Where each of a symptom's platform advice is written out: the page of its first rule that
 * asks for that note (content/rules.yaml `firewallNotes`). The content check makes sure one does.
 */
export function adviceLinks(symptom: Symptom, lang: Lang): AdviceLink[] {
  return symptom.advice.map((note) => {
    const rule = symptom.rules.find((candidate) => candidate.firewallNotes.includes(note));
    if (!rule) throw new Error(`No rule of symptom "${symptom.id}" carries the advice "${note}"`);
    return { ruleId: rule.id, label: SNIPPET_TEXTS[lang].ruleNotes[note].heading };
  });
}
