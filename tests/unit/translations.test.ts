/**
 * The German edition of the content (content/de/): the completeness check passes
 * on the real content, fails with a message naming file, entry and field on every
 * kind of gap, and the translated port data and changelog keep every fact and id.
 */
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error';
import { parseYamlRecords } from '../../src/lib/content/yaml-records';
import { contentFilesIn, germanFilesIn } from '../../src/lib/content/files';
import {
  checkGermanPortTexts,
  completeTexts,
  translateChangelog,
  translatePortData,
  type GermanPortTexts,
} from '../../src/lib/content/translations';
import { ruleTranslationSchema, endpointTranslationSchema } from '../../src/schemas/translation';
import type { PortData } from '../../src/lib/model';
import { checkGermanContent, loadContent, loadContentInput, loadGermanInput } from './helpers/load-content';
import { checkGermanChangelog, loadChangelogContent } from './helpers/load-changelog';
import { contentWithBrokenCase, contentWithGermanEdit, minimalContentDir } from './helpers/fixture-content';

/** Every problem the German check finds in a content folder, with the folder written as <dir>. */
function problemsIn(dir: string): string[] {
  return [...checkGermanContent(dir).problems, ...checkGermanChangelog(dir).problems].map((problem) =>
    problem.replaceAll(dir, '<dir>'),
  );
}

describe('the real German content', () => {
  test('has every German text, and none left in English', () => {
    expect(checkGermanContent().problems).toEqual([]);
    expect(checkGermanChangelog().problems).toEqual([]);
  });

  test('keeps host and product names only where listed under sameAsEnglish', () => {
    const kept = loadGermanInput().endpoints.flatMap(({ record }) =>
      record.sameAsEnglish.map((field) => `${record.id}.${field}`),
    );
    expect(kept).toEqual([
      'internet.name',
      'pascom-cloud.name',
      'mypascom.name',
      'cloudmx1.name',
      'cloudmx2.name',
      'ntp-pool.name',
    ]);
  });

  test('the minimal fixture is complete too, so each planted fault fails for its own reason', () => {
    expect(problemsIn(minimalContentDir)).toEqual([]);
  });
});

describe('a gap in the German content is named with file, entry and field', () => {
  test.each([
    [
      'de-missing-text',
      '<dir>/de/rules.yaml: rule "rtp-voice": field "purpose": has no German text; translate the English "Audio."',
    ],
    [
      'de-unknown-id',
      '<dir>/de/rules.yaml: rule "sip-tsl": field "id": there is no rule "sip-tsl" in <dir>/rules.yaml; correct the id or remove the entry (known: sip-tls, rtp-voice)',
    ],
    [
      'de-untranslated',
      '<dir>/de/devices.yaml: device "phone": field "description": is the same as the English "A desk phone."; translate it',
    ],
  ])('%s', (caseName, message) => {
    expect(problemsIn(contentWithBrokenCase(caseName))).toEqual([message]);
  });

  test.each([
    [
      'a missing entry',
      ['devices.yaml', '- id: server\n  name: pascom Server\n  description: Die Telefonanlage.\n', ''],
      '<dir>/de/devices.yaml: device "server": has no German entry; add one with id "server" and its name, description',
    ],
    [
      'a name identical to the English that is not listed under sameAsEnglish',
      ['endpoints.yaml', 'name: Internet\n  sameAsEnglish: [name]', 'name: Internet'],
      '<dir>/de/endpoints.yaml: endpoint "internet": field "name": is the same as the English "Internet"; translate it, or, if it is a name that stays the same in German, add "name" to sameAsEnglish',
    ],
    [
      'a name listed under sameAsEnglish that differs from the English',
      ['endpoints.yaml', 'name: Internet\n', 'name: Weltnetz\n'],
      '<dir>/de/endpoints.yaml: endpoint "internet": field "sameAsEnglish": lists "name", but the German name "Weltnetz" differs from the English "Internet"; remove "name" from sameAsEnglish',
    ],
    [
      'a footnote the English endpoint does not have',
      ['endpoints.yaml', 'description: Überall sonst.', 'description: Überall sonst.\n  footnote: Fußnote.'],
      '<dir>/de/endpoints.yaml: endpoint "internet": field "footnote": the English endpoint has no footnote; remove the German one',
    ],
    [
      "a missing German heading of a tab's group",
      ['deployments.yaml', '      heading: Aus dem Internet\n', ''],
      '<dir>/de/deployments.yaml: deployment "onsite": field "groups[0].heading": has no German text; translate the English "From the internet"',
    ],
    [
      'a group missing from a tab',
      ['deployments.yaml', '    - id: onsite-remote-access\n      heading: Aus dem Internet\n', '    []\n'],
      '<dir>/de/deployments.yaml: deployment "onsite": field "groups": has no German entry for group "onsite-remote-access"; add one with id "onsite-remote-access" and its heading',
    ],
    [
      'an unknown group',
      ['deployments.yaml', 'id: onsite-remote-access', 'id: onsite-remote'],
      '<dir>/de/deployments.yaml: deployment "onsite": field "groups": has no German entry for group "onsite-remote-access"; add one with id "onsite-remote-access" and its heading\n' +
        '<dir>/de/deployments.yaml: deployment "onsite": field "groups[0].id": there is no group "onsite-remote" in this tab of <dir>/deployments.yaml; correct the id or remove the group (known: onsite-remote-access)',
    ],
    [
      'a correction note for a rule without corrections',
      [
        'rules.yaml',
        '  ifBlocked: Stille.\n',
        '  ifBlocked: Stille.\n  corrections:\n    - note: Korrektur.\n',
      ],
      '<dir>/de/rules.yaml: rule "rtp-voice": field "corrections[0]": the English rule has 0 corrections; remove this one (German items follow the English ones in order)',
    ],
    [
      'a missing change summary in the changelog',
      ['changelog.yaml', '    - summary: Beide Regeln der minimalen Inhalte.\n', '    []\n'],
      '<dir>/de/changelog.yaml: changelog entry "2026.11.26.1": field "changes[0].summary": has no German text; translate the English "Both rules of the minimal content."',
    ],
    [
      'a missing changelog title',
      ['changelog.yaml', '  title: Minimale Inhalte für Tests\n', ''],
      '<dir>/de/changelog.yaml: changelog entry "2026.11.26.1": field "title": has no German text; translate the English "Minimal content for tests"',
    ],
  ] as const)('%s', (_, [file, from, to], message) => {
    expect(problemsIn(contentWithGermanEdit(file, from, to)).join('\n')).toBe(message);
  });

  test("a German entry under a renamed rule's old id is pointed to the current id", () => {
    const englishInput = loadContentInput(minimalContentDir);
    englishInput.rules[0]!.record.aliases = ['sip'];
    const germanInput = loadGermanInput(minimalContentDir);
    germanInput.rules.push({ position: 2, record: { ...germanInput.rules[0]!.record, id: 'sip' } });
    const files = contentFilesIn('content');
    expect(checkGermanPortTexts(englishInput, germanInput, files, germanFilesIn('content')).problems).toEqual(
      [
        'content/de/rules.yaml: rule "sip": field "id": "sip" is an old id of rule "sip-tls"; use the current id',
      ],
    );
  });

  test('every problem is reported at once, and no texts are handed out while any is open', () => {
    const dir = contentWithGermanEdit('rules.yaml', '  purpose: Signalisierung.\n', '');
    const check = checkGermanContent(dir);
    expect(check.problems).toHaveLength(1);
    expect(() => completeTexts(check)).toThrow(ContentError);
    expect(() => completeTexts(check)).toThrow(/rule "sip-tls": field "purpose": has no German text/);
  });
});

describe('the German files are strict', () => {
  const parse =
    (schema: typeof ruleTranslationSchema | typeof endpointTranslationSchema, yaml: string) => () =>
      parseYamlRecords(yaml, { file: 'de/rules.yaml', entryLabel: 'rule', schema });

  test('a fact such as ports has no place in a German file', () => {
    expect(parse(ruleTranslationSchema, '- id: sip-tls\n  title: SIP\n  ports: [5061]\n')).toThrow(
      /rule "sip-tls": field "ports": unknown field/,
    );
  });

  test('only names may stay the same as the English, and each only once', () => {
    expect(parse(ruleTranslationSchema, '- id: sip-tls\n  sameAsEnglish: [purpose]\n')).toThrow(
      /field "sameAsEnglish\[0\]": only these fields may stay the same as the English: title/,
    );
    expect(parse(endpointTranslationSchema, '- id: internet\n  sameAsEnglish: [name, name]\n')).toThrow(
      /field "sameAsEnglish\[1\]": "name" is listed twice/,
    );
  });

  test('German texts are one line, like the English ones', () => {
    expect(parse(ruleTranslationSchema, '- id: sip-tls\n  purpose: |\n    Zwei\n    Zeilen\n')).toThrow(
      /field "purpose": must be one line/,
    );
  });
});

describe('the port data in German', () => {
  const english = loadContent();
  const texts: GermanPortTexts = completeTexts(checkGermanContent());
  const german = translatePortData(english, texts);

  /** Everything but the texts: ids, ports, protocols, hosts, directions, anchors and order. */
  const facts = (data: PortData) => ({
    devices: data.devices.map(({ id, icon }) => ({ id, icon })),
    endpoints: data.endpoints.map(({ id, kind, hosts }) => ({ id, kind, hosts })),
    rules: data.rules.map(({ id, ports, protocols, direction, aliases, deployments, corrections }) => ({
      id,
      ports,
      protocols,
      direction,
      aliases,
      deployments,
      originals: corrections.map((correction) => correction.original),
    })),
    rows: data.deployments.flatMap((view) =>
      view.placements.map((row) => [
        row.anchor,
        row.groupId,
        row.source.id,
        row.direction,
        row.corrections.length,
      ]),
    ),
    footnotes: data.footnotes.map((endpoint) => endpoint.id),
    aliases: [...data.aliases],
  });

  test('keeps every fact, id and row of the English data', () => {
    expect(facts(german)).toEqual(facts(english));
  });

  test('shows the German texts from content/de', () => {
    const rule = german.rules.find((candidate) => candidate.id === 'sip-tls')!;
    expect(rule.title).toBe('SIP-Verbindung');
    expect(rule.purpose).toMatch(/^Verschlüsselte SIP-Signalisierung/);
    expect(german.devices.map((device) => device.name)).toEqual([
      'pascom Server',
      'Desktop-Client',
      'Mobiler Client',
      'IP-Telefon',
      'Web-Client',
    ]);
    expect(german.deployments[1]!.groups[1]!.intro).toMatch(
      /Öffnen Sie 636 und 8884 nur, wenn IP-Telefone außerhalb Ihres Netzwerks sie brauchen/,
    );
    expect(german.footnotes[0]!.footnote).toMatch(/^Die pascom\.cloud kann/);
  });

  test('no row, rule, device or endpoint still carries an English text', () => {
    const englishTexts = new Set([
      ...english.rules.flatMap((rule) => [rule.title, rule.purpose, rule.ifBlocked]),
      ...english.rules.flatMap((rule) => rule.corrections.map((correction) => correction.note)),
      ...english.devices.flatMap((device) => [device.name, device.description]),
      ...english.endpoints.flatMap((endpoint) => [endpoint.description, endpoint.footnote ?? '']),
      ...english.deployments.flatMap((view) => [
        view.summary,
        ...view.groups.flatMap((group) => [group.heading, group.intro ?? '']),
      ]),
    ]);
    englishTexts.delete('');
    const shown = [
      ...german.deployments.flatMap((view) => [
        view.summary,
        ...view.groups.flatMap((group) => [group.heading, group.intro ?? '']),
        ...view.placements.flatMap((row) => [
          row.rule.title,
          row.rule.purpose,
          row.rule.ifBlocked,
          ...row.rule.devices.flatMap((device) => [device.name, device.description]),
          ...[row.source, ...row.destinations].flatMap((endpoint) => [
            endpoint.description,
            endpoint.footnote ?? '',
          ]),
          ...row.corrections.map((correction) => correction.note),
        ]),
      ]),
      ...german.footnotes.map((endpoint) => endpoint.footnote ?? ''),
    ];
    expect(shown.filter((text) => englishTexts.has(text))).toEqual([]);
  });

  test('keeps the sharing the components rely on: a row shows the rule and endpoints of the lists', () => {
    for (const row of german.deployments.flatMap((view) => view.placements)) {
      expect(german.rules).toContain(row.rule);
      expect(german.endpoints).toContain(row.source);
      for (const endpoint of row.destinations) expect(german.endpoints).toContain(endpoint);
      for (const correction of row.corrections) expect(row.rule.corrections).toContain(correction);
    }
    const cloudStun = german.deployments[0]!.placements.find((row) => row.rule.id === 'video-stun')!;
    expect(cloudStun.corrections.map((correction) => correction.note)).toEqual([
      expect.stringMatching(/^Die ursprüngliche Cloud-Tabelle/),
    ]);
  });

  test('leaves the English data as it was', () => {
    expect(english.rules[0]!.title).toBe('SIP connection');
    expect(english.deployments[0]!.placements[0]!.rule.title).toBe('SIP connection');
  });

  test('refuses texts that did not pass the check instead of showing English', () => {
    const gappy: GermanPortTexts = { ...texts, rules: new Map([...texts.rules].slice(1)) };
    expect(() => translatePortData(english, gappy)).toThrow(/No German text for rule "sip-tls"/);
  });
});

describe('the changelog in German', () => {
  const english = loadChangelogContent(loadContent());
  const german = translateChangelog(english, completeTexts(checkGermanChangelog()));

  test('keeps versions, dates, change types and rule links, with German titles and summaries', () => {
    const facts = (releases: typeof english.releases) =>
      releases.map(({ version, date, changes }) => ({
        version,
        date,
        changes: changes.map(({ type, rules }) => ({ type, rules })),
      }));
    expect(facts(german.releases)).toEqual(facts(english.releases));
    expect(german.current).toBe(german.releases[0]);
    expect(german.current.title).toMatch(/^Portdaten aus der ursprünglichen Portübersicht/);
    expect(german.current.changes[1]!.summary).toMatch(/^Der Port des Zeitservers ist 123\/UDP/);
  });
});
