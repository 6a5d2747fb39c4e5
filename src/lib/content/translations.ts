/**
 * The German edition of the content: a check that content/de/*.yaml holds a German
 * text for every text a reader sees (src/schemas/translation.ts lists which), and
 * functions that put those texts into the resolved port data and the changelog, so
 * German pages and feeds render with the same components as the English ones.
 *
 * There is no fallback to English: the texts are only handed out once every one of
 * them is there, and every gap fails the build with the file, the entry and the field.
 */
import type { ChangelogEntryData } from '../../schemas/changelog';
import type { TroubleshootingEntryData, TroubleshootingTranslation } from '../../schemas/troubleshooting';
import {
  SAME_AS_ENGLISH_FIELDS,
  type ChangelogTranslation,
  type DeploymentTranslation,
  type DeviceTranslation,
  type EndpointTranslation,
  type RuleTranslation,
} from '../../schemas/translation';
import type { DeploymentView, Placement, PortData, PortRule, RuleGroup } from '../model';
import type { Device } from '../../schemas/device';
import type { Endpoint } from '../../schemas/endpoint';
import { ContentError, describeProblem } from './content-error';
import type { Changelog, Release } from './changelog';
import type { ContentFiles } from './files';
import type { PortDataInput, SourceRecord } from './port-data';

/** The German files of the four port-data collections, as the loader hands them over. */
export interface GermanPortInput {
  devices: SourceRecord<DeviceTranslation>[];
  endpoints: SourceRecord<EndpointTranslation>[];
  rules: SourceRecord<RuleTranslation>[];
  deployments: SourceRecord<DeploymentTranslation>[];
}

/** The German texts of one group (table) of a tab. */
interface GermanGroupTexts {
  heading: string;
  intro: string | undefined;
}

/** Every German text of the port data, checked complete, by the English entry's id. */
export interface GermanPortTexts {
  devices: Map<string, { name: string; description: string }>;
  endpoints: Map<string, { name: string; description: string; footnote: string | undefined }>;
  /** A rule's correction notes are in the order of the English rule's `corrections`. */
  rules: Map<string, { title: string; purpose: string; ifBlocked: string; correctionNotes: string[] }>;
  deployments: Map<string, { name: string; summary: string; groups: Map<string, GermanGroupTexts> }>;
}

/** The German texts of the changelog by data version; summaries in the order of the English changes. */
export type GermanChangelogTexts = Map<string, { title: string; changeSummaries: string[] }>;

/** The English file an entry translates and the German file that holds its texts. */
interface FilePair {
  english: string;
  german: string;
}

/** The longest stretch of English text a message quotes, so a message stays one readable line. */
const QUOTE_LENGTH = 60;

function quote(english: string): string {
  return `"${english.length > QUOTE_LENGTH ? `${english.slice(0, QUOTE_LENGTH - 1)}…` : english}"`;
}

function byPosition<T>(records: readonly SourceRecord<T>[]): T[] {
  return [...records].sort((a, b) => a.position - b.position).map(({ record }) => record);
}

/**
 * Checks the texts of one German entry against its English entry and collects
 * them. Each method returns the German text, or the English one when it has just
 * reported a problem; the caller hands the texts out only when no problem was
 * reported, so an English text can never stand in for a German one.
 */
class EntryCheck {
  constructor(
    private readonly problems: string[],
    private readonly file: string,
    private readonly entryLabel: string,
    private readonly id: string,
    /** Fields this German entry keeps word for word from the English. */
    private readonly sameAsEnglish: readonly string[] = [],
    /** Fields that may be listed under sameAsEnglish for this kind of entry. */
    private readonly mayStaySame: readonly string[] = [],
  ) {}

  problem(field: string | undefined, message: string): void {
    this.problems.push(
      describeProblem({ file: this.file, entryLabel: this.entryLabel, id: this.id, field }, message),
    );
  }

  /** A text the English entry always has. */
  text(field: string, english: string, german: string | undefined): string {
    if (german === undefined) {
      this.problem(field, `has no German text; translate the English ${quote(english)}`);
      return english;
    }
    const listed = this.sameAsEnglish.includes(field);
    if (listed && german !== english) {
      this.problem(
        'sameAsEnglish',
        `lists "${field}", but the German ${field} ${quote(german)} differs from the English ${quote(english)}; remove "${field}" from sameAsEnglish`,
      );
    } else if (!listed && german === english) {
      this.problem(
        field,
        this.mayStaySame.includes(field)
          ? `is the same as the English ${quote(english)}; translate it, or, if it is a name that stays the same in German, add "${field}" to sameAsEnglish`
          : `is the same as the English ${quote(english)}; translate it`,
      );
    }
    return german;
  }

  /** A text the English entry may have (a footnote, an intro): German has it exactly when English does. */
  optionalText(field: string, english: string | undefined, german: string | undefined): string | undefined {
    if (english === undefined) {
      if (german !== undefined) {
        this.problem(field, `the English ${this.entryLabel} has no ${field}; remove the German one`);
      }
      return undefined;
    }
    return this.text(field, english, german);
  }

  /**
   * Texts of a list without ids (corrections, changes), matched by position: one
   * German item per English item, in the same order.
   */
  listTexts<G>(
    list: string,
    field: string,
    english: readonly string[],
    german: readonly G[],
    textOf: (item: G) => string | undefined,
  ): string[] {
    german.slice(english.length).forEach((_, extra) => {
      const index = english.length + extra;
      this.problem(
        `${list}[${index}]`,
        `the English ${this.entryLabel} has ${english.length} ${list}; remove this one (German items follow the English ones in order)`,
      );
    });
    return english.map((text, index) => {
      const item = german[index];
      return this.text(`${list}[${index}].${field}`, text, item === undefined ? undefined : textOf(item));
    });
  }
}

/**
 * Pairs every English entry with its German entry by id. Reports an English entry
 * without a German one (naming the texts it needs) and a German entry whose id is
 * not in the English file (or is an old id of a renamed rule).
 */
function pairEntries<E extends { id: string }, G extends { id: string }>(
  english: readonly E[],
  german: readonly G[],
  {
    files,
    entryLabel,
    problems,
    neededFields,
    currentIdOf = () => undefined,
  }: {
    files: FilePair;
    entryLabel: string;
    problems: string[];
    /** The fields a German entry needs for this English entry, named in the message when it is missing. */
    neededFields: (entry: E) => string[];
    /** The current id for an old id (a rule alias), if there is one. */
    currentIdOf?: (id: string) => string | undefined;
  },
): { english: E; german: G }[] {
  const germanById = new Map(german.map((entry) => [entry.id, entry]));
  const englishIds = new Set(english.map((entry) => entry.id));
  const pairs: { english: E; german: G }[] = [];
  for (const entry of english) {
    const translation = germanById.get(entry.id);
    if (translation === undefined) {
      problems.push(
        describeProblem(
          { file: files.german, entryLabel, id: entry.id },
          `has no German entry; add one with id "${entry.id}" and its ${neededFields(entry).join(', ')}`,
        ),
      );
    } else {
      pairs.push({ english: entry, german: translation });
    }
  }
  for (const translation of german) {
    if (englishIds.has(translation.id)) continue;
    const current = currentIdOf(translation.id);
    problems.push(
      describeProblem(
        { file: files.german, entryLabel, id: translation.id, field: 'id' },
        current === undefined
          ? `there is no ${entryLabel} "${translation.id}" in ${files.english}; correct the id or remove the entry (known: ${[...englishIds].join(', ')})`
          : `"${translation.id}" is an old id of ${entryLabel} "${current}"; use the current id`,
      ),
    );
  }
  return pairs;
}

/** The problems found, and the texts, which are complete only when there are no problems. */
export interface TranslationCheck<T> {
  problems: string[];
  texts: T;
}

/**
 * Compares the German files of the port data with the English ones: every device,
 * endpoint, rule and tab needs a German entry with every text a reader sees, no
 * German entry may name an id the English files do not have, and no text may be
 * left identical to the English unless the entry lists the field under
 * `sameAsEnglish` (names only). Each problem names the German file, the entry and the field.
 */
export function checkGermanPortTexts(
  englishInput: PortDataInput,
  germanInput: GermanPortInput,
  english: ContentFiles,
  german: ContentFiles,
): TranslationCheck<GermanPortTexts> {
  const problems: string[] = [];
  const texts: GermanPortTexts = {
    devices: new Map(),
    endpoints: new Map(),
    rules: new Map(),
    deployments: new Map(),
  };

  const devices = byPosition(englishInput.devices);
  for (const pair of pairEntries(devices, byPosition(germanInput.devices), {
    files: { english: english.devices, german: german.devices },
    entryLabel: 'device',
    problems,
    neededFields: () => ['name', 'description'],
  })) {
    const check = new EntryCheck(
      problems,
      german.devices,
      'device',
      pair.english.id,
      pair.german.sameAsEnglish,
      SAME_AS_ENGLISH_FIELDS.device,
    );
    texts.devices.set(pair.english.id, {
      name: check.text('name', pair.english.name, pair.german.name),
      description: check.text('description', pair.english.description, pair.german.description),
    });
  }

  const endpoints = byPosition(englishInput.endpoints);
  for (const pair of pairEntries(endpoints, byPosition(germanInput.endpoints), {
    files: { english: english.endpoints, german: german.endpoints },
    entryLabel: 'endpoint',
    problems,
    neededFields: (endpoint) => [
      'name',
      'description',
      ...(endpoint.footnote === undefined ? [] : ['footnote']),
    ],
  })) {
    const check = new EntryCheck(
      problems,
      german.endpoints,
      'endpoint',
      pair.english.id,
      pair.german.sameAsEnglish,
      SAME_AS_ENGLISH_FIELDS.endpoint,
    );
    texts.endpoints.set(pair.english.id, {
      name: check.text('name', pair.english.name, pair.german.name),
      description: check.text('description', pair.english.description, pair.german.description),
      footnote: check.optionalText('footnote', pair.english.footnote, pair.german.footnote),
    });
  }

  const rules = byPosition(englishInput.rules);
  const currentRuleId = new Map(rules.flatMap((rule) => rule.aliases.map((alias) => [alias, rule.id])));
  for (const pair of pairEntries(rules, byPosition(germanInput.rules), {
    files: { english: english.rules, german: german.rules },
    entryLabel: 'rule',
    problems,
    neededFields: (rule) => [
      'title',
      'purpose',
      'ifBlocked',
      ...(rule.corrections.length === 0 ? [] : ['corrections (one note each)']),
    ],
    currentIdOf: (id) => currentRuleId.get(id),
  })) {
    const check = new EntryCheck(
      problems,
      german.rules,
      'rule',
      pair.english.id,
      pair.german.sameAsEnglish,
      SAME_AS_ENGLISH_FIELDS.rule,
    );
    texts.rules.set(pair.english.id, {
      title: check.text('title', pair.english.title, pair.german.title),
      purpose: check.text('purpose', pair.english.purpose, pair.german.purpose),
      ifBlocked: check.text('ifBlocked', pair.english.ifBlocked, pair.german.ifBlocked),
      correctionNotes: check.listTexts(
        'corrections',
        'note',
        pair.english.corrections.map((correction) => correction.note),
        pair.german.corrections,
        (correction) => correction.note,
      ),
    });
  }

  const deployments = byPosition(englishInput.deployments);
  for (const pair of pairEntries(deployments, byPosition(germanInput.deployments), {
    files: { english: english.deployments, german: german.deployments },
    entryLabel: 'deployment',
    problems,
    neededFields: () => ['name', 'summary', 'groups (heading and intro of each)'],
  })) {
    const check = new EntryCheck(
      problems,
      german.deployments,
      'deployment',
      pair.english.id,
      pair.german.sameAsEnglish,
      SAME_AS_ENGLISH_FIELDS.deployment,
    );
    const groups = new Map<string, GermanGroupTexts>();
    const englishGroupIds = pair.english.groups.map((group) => group.id);
    for (const group of pair.english.groups) {
      const index = pair.german.groups.findIndex((candidate) => candidate.id === group.id);
      if (index === -1) {
        check.problem(
          'groups',
          `has no German entry for group "${group.id}"; add one with id "${group.id}" and its heading${group.intro === undefined ? '' : ' and intro'}`,
        );
        continue;
      }
      const translation = pair.german.groups[index]!;
      groups.set(group.id, {
        heading: check.text(`groups[${index}].heading`, group.heading, translation.heading),
        intro: check.optionalText(`groups[${index}].intro`, group.intro, translation.intro),
      });
    }
    pair.german.groups.forEach((group, index) => {
      if (!englishGroupIds.includes(group.id)) {
        check.problem(
          `groups[${index}].id`,
          `there is no group "${group.id}" in this tab of ${english.deployments}; correct the id or remove the group (known: ${englishGroupIds.join(', ')})`,
        );
      }
    });
    texts.deployments.set(pair.english.id, {
      name: check.text('name', pair.english.name, pair.german.name),
      summary: check.text('summary', pair.english.summary, pair.german.summary),
      groups,
    });
  }

  return { problems, texts };
}

/**
 * Compares the German changelog with the English one: every release needs its
 * German title and one German summary per change, in the same order.
 */
export function checkGermanChangelogTexts(
  englishEntries: readonly SourceRecord<ChangelogEntryData>[],
  germanEntries: readonly SourceRecord<ChangelogTranslation>[],
  files: FilePair,
): TranslationCheck<GermanChangelogTexts> {
  const problems: string[] = [];
  const texts: GermanChangelogTexts = new Map();
  for (const pair of pairEntries(byPosition(englishEntries), byPosition(germanEntries), {
    files,
    entryLabel: 'changelog entry',
    problems,
    neededFields: () => ['title', 'changes (one summary each)'],
  })) {
    const check = new EntryCheck(problems, files.german, 'changelog entry', pair.english.id);
    texts.set(pair.english.id, {
      title: check.text('title', pair.english.title, pair.german.title),
      changeSummaries: check.listTexts(
        'changes',
        'summary',
        pair.english.changes.map((change) => change.summary),
        pair.german.changes,
        (change) => change.summary,
      ),
    });
  }
  return { problems, texts };
}

/** The German symptom and fix of each "Calls failing?" entry, by id. */
export type GermanTroubleshootingTexts = Map<string, { symptom: string; fix: string }>;

/** Compares the German "Calls failing?" file with the English one: every symptom needs its German symptom and fix. */
export function checkGermanTroubleshootingTexts(
  englishEntries: readonly SourceRecord<TroubleshootingEntryData>[],
  germanEntries: readonly SourceRecord<TroubleshootingTranslation>[],
  files: FilePair,
): TranslationCheck<GermanTroubleshootingTexts> {
  const problems: string[] = [];
  const texts: GermanTroubleshootingTexts = new Map();
  for (const pair of pairEntries(byPosition(englishEntries), byPosition(germanEntries), {
    files,
    entryLabel: 'symptom',
    problems,
    neededFields: () => ['symptom', 'fix'],
  })) {
    const check = new EntryCheck(problems, files.german, 'symptom', pair.english.id);
    texts.set(pair.english.id, {
      symptom: check.text('symptom', pair.english.symptom, pair.german.symptom),
      fix: check.text('fix', pair.english.fix, pair.german.fix),
    });
  }
  return { problems, texts };
}

/** The texts of a check that found nothing, or a {@link ContentError} listing every problem. */
export function completeTexts<T>({ problems, texts }: TranslationCheck<T>): T {
  if (problems.length > 0) throw new ContentError(problems.join('\n'));
  return texts;
}

/** A text of a checked set; a gap here means the check was skipped, which is a bug, not bad content. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`No German text for ${what}; run the translation check first`);
  return value;
}

/**
 * The port data with every text a reader sees in German: the same rules, tabs,
 * rows, ids and facts, and the same sharing between them (a row's rule is the rule
 * of `rules`, an endpoint is one object wherever it appears), so every component and
 * feed works on it unchanged.
 */
export function translatePortData(data: PortData, texts: GermanPortTexts): PortData {
  const devices = new Map(
    data.devices.map((device): [string, Device] => {
      const german = required(texts.devices.get(device.id), `device "${device.id}"`);
      return [device.id, { ...device, name: german.name, description: german.description }];
    }),
  );
  const endpoints = new Map(
    data.endpoints.map((endpoint): [string, Endpoint] => {
      const german = required(texts.endpoints.get(endpoint.id), `endpoint "${endpoint.id}"`);
      const translated: Endpoint = { ...endpoint, name: german.name, description: german.description };
      if (endpoint.footnote !== undefined) {
        translated.footnote = required(german.footnote, `the footnote of endpoint "${endpoint.id}"`);
      }
      return [endpoint.id, translated];
    }),
  );
  const endpoint = (id: string) => required(endpoints.get(id), `endpoint "${id}"`);

  const rules = new Map(
    data.rules.map((rule): [string, PortRule] => {
      const german = required(texts.rules.get(rule.id), `rule "${rule.id}"`);
      return [
        rule.id,
        {
          ...rule,
          title: german.title,
          purpose: german.purpose,
          ifBlocked: german.ifBlocked,
          corrections: rule.corrections.map((correction, index): PortRule['corrections'][number] => ({
            ...correction,
            note: required(german.correctionNotes[index], `correction ${index} of rule "${rule.id}"`),
          })),
          devices: rule.devices.map((device) => required(devices.get(device.id), `device "${device.id}"`)),
          source: endpoint(rule.source.id),
          destinations: rule.destinations.map((target) => endpoint(target.id)),
        },
      ];
    }),
  );

  const placement = (row: Placement): Placement => {
    const rule = required(rules.get(row.rule.id), `rule "${row.rule.id}"`);
    return {
      ...row,
      rule,
      source: endpoint(row.source.id),
      destinations: row.destinations.map((target) => endpoint(target.id)),
      // A row shows some of its rule's corrections; each is the German one at the same place in the rule.
      corrections: row.corrections.map((correction) =>
        required(rule.corrections[row.rule.corrections.indexOf(correction)], `a correction of "${rule.id}"`),
      ),
    };
  };

  const deployments = data.deployments.map((view): DeploymentView => {
    const german = required(texts.deployments.get(view.id), `deployment "${view.id}"`);
    const groups = view.groups.map((group): RuleGroup => {
      const groupTexts = required(german.groups.get(group.id), `group "${group.id}"`);
      return {
        ...group,
        heading: groupTexts.heading,
        intro: groupTexts.intro,
        placements: group.placements.map(placement),
      };
    });
    return {
      ...view,
      name: german.name,
      summary: german.summary,
      groups,
      placements: groups.flatMap((group) => group.placements),
    };
  });

  return {
    devices: [...devices.values()],
    endpoints: [...endpoints.values()],
    rules: [...rules.values()],
    deployments,
    footnotes: data.footnotes.map((footnote) => endpoint(footnote.id)),
    aliases: data.aliases,
  };
}

/** The changelog with each release's title and change summaries in German; versions, dates and links unchanged. */
export function translateChangelog(changelog: Changelog, texts: GermanChangelogTexts): Changelog {
  const releases = changelog.releases.map((release): Release => {
    const german = required(texts.get(release.version), `changelog entry "${release.version}"`);
    return {
      ...release,
      title: german.title,
      changes: release.changes.map((change, index) => ({
        ...change,
        summary: required(german.changeSummaries[index], `change ${index} of "${release.version}"`),
      })),
    };
  });
  return { releases, current: releases[0]! };
}
