import { describe, expect, test } from 'vitest';
import { compareVersions } from '../../src/lib/content/changelog';
import { changelogEntrySchema } from '../../src/schemas/changelog';
import { loadContent } from './helpers/load-content';
import { changelogFromYaml, loadChangelogContent } from './helpers/load-changelog';

const data = loadContent();

/** A changelog entry in YAML; `changes` is YAML for the list of changes. */
function entry(version: string, changes: string, date = version.split('.').slice(0, 3).join('-')): string {
  return `- id: '${version}'\n  date: '${date}'\n  title: A release\n  changes:\n${changes}`;
}
const addAll = `    - type: added\n      rules: [${data.rules.map((rule) => rule.id).join(', ')}]\n      summary: Imported.\n`;

describe('the published changelog', () => {
  const changelog = loadChangelogContent(data);

  test('its newest entry sets the data version and date', () => {
    expect(changelog.current).toBe(changelog.releases[0]);
    expect(changelog.current.version).toMatch(/^\d{4}\.\d{2}\.\d{2}\.[1-9]\d*$/);
    expect(changelog.current.version.startsWith(changelog.current.date.replaceAll('-', '.'))).toBe(true);
  });

  test('the first entry records the import of every rule and the three corrections', () => {
    const first = changelog.releases.at(-1)!;
    const added = first.changes
      .filter((change) => change.type === 'added')
      .flatMap((change) => change.rules.map((rule) => rule.id));
    expect(added.sort()).toEqual(data.rules.map((rule) => rule.id).sort());
    const changed = first.changes.filter((change) => change.type === 'changed');
    expect(changed.map((change) => change.rules.map((rule) => rule.id))).toEqual([
      ['ntp-time'],
      ['ntp-time'],
      ['video-stun'],
    ]);
    expect(changed.map((change) => change.summary).join(' ')).toMatch(
      /123\/UDP[\s\S]*pool\.ntp\.org[\s\S]*3478/,
    );
  });

  test('rule ids link to their row on the overview', () => {
    const rules = changelog.releases.flatMap((release) => release.changes.flatMap((change) => change.rules));
    expect(rules.find((rule) => rule.id === 'ntp-time')?.url).toBe('/#onsite-ntp-time');
    expect(rules.find((rule) => rule.id === 'sip-tls')?.url).toBe('/#cloud-sip-tls');
  });
});

describe('changelog checks', () => {
  test('a version whose day differs from the date is refused', () => {
    const result = changelogEntrySchema.safeParse({
      id: '2026.11.26.1',
      date: '2026-11-27',
      title: 'x',
      changes: [{ type: 'added', rules: ['sip-tls'], summary: 'x' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('names the day 2026-11-26');
  });

  test.each([['2026-11-31'], ['2026-13-45'], ['26-11-2026']])(
    'the date %s is refused with a message',
    (date) => {
      const result = changelogEntrySchema.safeParse({
        id: '2026.11.26.1',
        date,
        title: 'x',
        changes: [{ type: 'added', rules: ['sip-tls'], summary: 'x' }],
      });
      expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(['date']);
    },
  );

  test.each([
    ['a malformed version', "'2026.11.26'"],
    ['a counter of zero', "'2026.11.26.0'"],
  ])('%s is refused', (_label, version) => {
    expect(() =>
      changelogFromYaml(`- id: ${version}\n  date: '2026-11-26'\n  title: x\n  changes:\n${addAll}`, data),
    ).toThrow(/content\/changelog\.yaml .*field "id": must be a version YYYY\.MM\.DD\.N/);
  });

  test('an unknown change type and unknown keys are refused', () => {
    expect(() =>
      changelogFromYaml(
        entry(
          '2026.11.26.1',
          `    - type: renamed\n      rules: [sip-tls]\n      summary: x\n      extra: 1\n`,
        ),
        data,
      ),
    ).toThrow(
      /field "changes\[0\]\.type": must be one of: added, changed, removed[\s\S]*field "changes\[0\]\.extra": unknown field/,
    );
  });

  test('an unknown rule id names file, entry and field', () => {
    const text =
      entry('2026.12.01.1', `    - type: changed\n      rules: [sip-tls, no-such-rule]\n      summary: x\n`) +
      '\n' +
      entry('2026.11.26.1', addAll);
    expect(() => changelogFromYaml(text, data)).toThrow(
      'content/changelog.yaml: changelog entry "2026.12.01.1": field "changes[0].rules[1]": unknown rule "no-such-rule"',
    );
  });

  test('removing a rule that still exists is refused', () => {
    const text =
      entry('2026.12.01.1', `    - type: removed\n      rules: [sip-tls]\n      summary: x\n`) +
      '\n' +
      entry('2026.11.26.1', addAll);
    expect(() => changelogFromYaml(text, data)).toThrow('rule "sip-tls" still exists');
  });

  test('a removed rule must have been added in an older entry', () => {
    const removed = `    - type: removed\n      rules: [old-rule]\n      summary: x\n`;
    expect(() =>
      changelogFromYaml(entry('2026.12.01.1', removed) + '\n' + entry('2026.11.26.1', addAll), data),
    ).toThrow('rule "old-rule" is removed here but no older entry records it as added');
  });

  test('a rule never recorded as added fails, so no rule reaches the feeds unannounced', () => {
    const withoutNtp = `    - type: added\n      rules: [${data.rules
      .map((rule) => rule.id)
      .filter((id) => id !== 'ntp-time')
      .join(', ')}]\n      summary: x\n`;
    expect(() => changelogFromYaml(entry('2026.11.26.1', withoutNtp), data)).toThrow(
      'rule "ntp-time" is not recorded as added',
    );
  });

  test('entries must be listed newest first', () => {
    const text =
      entry('2026.11.26.1', addAll) +
      '\n' +
      entry('2026.11.26.2', `    - type: changed\n      rules: [sip-tls]\n      summary: x\n`);
    expect(() => changelogFromYaml(text, data)).toThrow(
      'changelog entry "2026.11.26.2": field "id": entries must be listed newest first',
    );
  });

  test('an old id kept as an alias still resolves to the renamed rule', () => {
    const renamed = { ...data, aliases: new Map([['sip', 'sip-tls']]) };
    const text =
      entry('2026.12.01.1', `    - type: changed\n      rules: [sip]\n      summary: x\n`) +
      '\n' +
      entry('2026.11.26.1', addAll);
    const changelog = changelogFromYaml(text, renamed);
    expect(changelog.current.changes[0]?.rules[0]).toEqual({
      id: 'sip',
      currentId: 'sip-tls',
      url: '/#cloud-sip-tls',
    });
  });

  test.each([
    ['2026.11.26.2', '2026.11.26.10', -1],
    ['2026.12.01.1', '2026.11.30.9', 1],
    ['2026.11.26.1', '2026.11.26.1', 0],
  ])('compareVersions(%s, %s) has the sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
