import type { ChangelogEntryData } from '../../schemas/changelog';
import type { ChangeType } from '../../schemas/registries';
import { ContentError, describeProblem } from './content-error';
import { DEFAULT_CONTENT_FILES } from './files';
import { rowUrl } from '../url/link-scheme';
import type { PortData } from '../model';
import type { SourceRecord } from './port-data';

/** A rule named by a change, resolved against the current rules. */
export interface ChangedRule {
  /** The id as the changelog entry wrote it. */
  id: string;
  /** The rule's id today (differs from `id` after a rename); absent for a removed rule. */
  currentId?: string;
  /** Link to the rule's row in the first tab it appears in, e.g. "/#cloud-sip-tls"; absent for a removed rule. */
  url?: string;
}

interface RuleChange {
  type: ChangeType;
  rules: ChangedRule[];
  summary: string;
}

/** One published version of the port data. */
export interface Release {
  /** YYYY.MM.DD.N */
  version: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  changes: RuleChange[];
}

export interface Changelog {
  /** Newest first. */
  releases: Release[];
  /** The newest release: its version and date are those of the data as published. */
  current: Release;
}

/** Orders two YYYY.MM.DD.N versions by their numbers: negative when `a` is older. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Checks the changelog against the rules and resolves its rule ids. Throws a
 * {@link ContentError} naming file, entry and field when an entry names a rule
 * that does not exist, "removes" a rule that still exists or was never added,
 * when entries are not newest first, or when a rule was never recorded as added
 * (so no rule reaches the feeds without notice).
 */
export function assembleChangelog(
  entries: SourceRecord<ChangelogEntryData>[],
  data: PortData,
  file: string = DEFAULT_CONTENT_FILES.changelog,
): Changelog {
  const problems: string[] = [];
  const ordered = [...entries].sort((a, b) => a.position - b.position).map(({ record }) => record);
  if (ordered.length === 0) {
    throw new ContentError(
      describeProblem({ file }, 'needs at least one entry: the newest one sets the data version'),
    );
  }
  const problem = (id: string, field: string, message: string) =>
    problems.push(describeProblem({ file, entryLabel: 'changelog entry', id, field }, message));

  ordered.forEach((entry, index) => {
    const previous = ordered[index - 1];
    if (previous && compareVersions(previous.id, entry.id) <= 0) {
      problem(
        entry.id,
        'id',
        `entries must be listed newest first, but this one comes after "${previous.id}"`,
      );
    }
  });

  const ruleById = new Map(data.rules.map((rule) => [rule.id, rule]));
  const currentIdOf = (id: string): string | undefined => (ruleById.has(id) ? id : data.aliases.get(id));
  const knownRules = [...ruleById.keys()].join(', ');

  // Walk from the oldest entry to the newest, so "removed" can check the rule was added before.
  const everAdded = new Set<string>();
  const releases = new Map<string, Release>();
  for (const entry of [...ordered].reverse()) {
    const changes = entry.changes.map((change, changeIndex): RuleChange => {
      const rules = change.rules.map((id, ruleIndex): ChangedRule => {
        const field = `changes[${changeIndex}].rules[${ruleIndex}]`;
        const currentId = currentIdOf(id);
        if (change.type === 'removed') {
          if (currentId !== undefined) {
            problem(
              entry.id,
              field,
              `rule "${id}" still exists in the rules; remove it there or record the change as "changed"`,
            );
          } else if (!everAdded.has(id)) {
            problem(entry.id, field, `rule "${id}" is removed here but no older entry records it as added`);
          }
          return { id };
        }
        if (currentId === undefined) {
          problem(
            entry.id,
            field,
            `unknown rule "${id}" (known: ${knownRules}); a rule that is gone can only appear in a "removed" change`,
          );
          return { id };
        }
        if (change.type === 'added') everAdded.add(id);
        const rule = ruleById.get(currentId)!;
        const deployment = rule.deployments[0];
        return deployment === undefined
          ? { id, currentId }
          : { id, currentId, url: rowUrl(deployment, currentId) };
      });
      return { type: change.type, rules, summary: change.summary };
    });
    releases.set(entry.id, { version: entry.id, date: entry.date, title: entry.title, changes });
  }

  const addedCurrent = new Set(
    [...releases.values()].flatMap((release) =>
      release.changes
        .filter((change) => change.type === 'added')
        .flatMap((change) => change.rules.map((rule) => rule.currentId)),
    ),
  );
  for (const rule of data.rules) {
    if (!addedCurrent.has(rule.id)) {
      problems.push(
        describeProblem(
          { file },
          `rule "${rule.id}" is not recorded as added in any entry; add a change of type "added" naming it, so feed readers learn of it`,
        ),
      );
    }
  }

  if (problems.length > 0) throw new ContentError(problems.join('\n'));
  const newestFirst = ordered.map((entry) => releases.get(entry.id)!);
  return { releases: newestFirst, current: newestFirst[0]! };
}
