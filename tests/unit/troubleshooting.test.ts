import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseYamlRecords } from '../../src/lib/content/yaml-records';
import { assembleTroubleshooting, symptomsOfTab } from '../../src/lib/content/troubleshooting';
import { checkGermanTroubleshootingTexts } from '../../src/lib/content/translations';
import {
  troubleshootingEntrySchema,
  troubleshootingTranslationSchema,
} from '../../src/schemas/troubleshooting';
import { loadContent } from './helpers/load-content';

const data = loadContent();
const files = { english: 'content/troubleshooting.yaml', german: 'content/de/troubleshooting.yaml' };

function read<S extends Parameters<typeof parseYamlRecords>[1]['schema']>(
  text: string,
  file: string,
  schema: S,
) {
  return parseYamlRecords(text, { file, entryLabel: 'symptom', schema }).map(({ position, data }) => ({
    position,
    record: data,
  }));
}
const english = () => read(readFileSync(files.english, 'utf8'), files.english, troubleshootingEntrySchema);
const german = () => read(readFileSync(files.german, 'utf8'), files.german, troubleshootingTranslationSchema);

describe('"Calls failing?"', () => {
  test('every symptom names existing rules, and both tabs show the symptoms of their rules', () => {
    const symptoms = assembleTroubleshooting(english(), data, files.english);
    expect(symptoms.map((symptom) => symptom.id)).toContain('silent-calls');
    const silent = symptoms.find((symptom) => symptom.id === 'silent-calls')!;
    expect(silent.rules.map((rule) => rule.id)).toContain('rtp-voice');
    for (const view of data.deployments) {
      const ids = new Set(view.placements.map((placement) => placement.rule.id));
      expect(symptomsOfTab(symptoms, ids).length).toBeGreaterThan(0);
    }
  });

  test('an unknown rule, an old id or advice none of its rules carries is named with file, entry and field', () => {
    const [first, ...rest] = english();
    const planted = [
      { ...first!, record: { ...first!.record, rules: ['no-such-rule'] } },
      ...rest.map((entry) =>
        entry.record.id === 'missed-mobile-calls'
          ? { ...entry, record: { ...entry.record, advice: ['sip-alg' as const] } }
          : entry,
      ),
    ];
    expect(() => assembleTroubleshooting(planted, data, files.english)).toThrow(
      /content\/troubleshooting\.yaml: symptom "no-registration": field "rules\[0\]": unknown rule "no-such-rule"[\s\S]*symptom "missed-mobile-calls": field "advice\[0\]": none of its rules carries the platform advice "sip-alg"/,
    );
  });

  test('the German file is complete, and a missing or untranslated text is named', () => {
    expect(checkGermanTroubleshootingTexts(english(), german(), files).problems).toEqual([]);
    const [first, second, ...rest] = german();
    const planted = [
      { ...first!, record: { id: first!.record.id, symptom: first!.record.symptom } },
      { ...second!, record: { ...second!.record, symptom: english()[1]!.record.symptom } },
      ...rest,
    ];
    const problems = checkGermanTroubleshootingTexts(english(), planted, files).problems.join('\n');
    expect(problems).toMatch(/symptom "no-registration": field "fix": has no German text/);
    expect(problems).toMatch(/symptom "silent-calls": field "symptom": is the same as the English/);
  });
});
