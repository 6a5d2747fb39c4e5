import { readFileSync } from 'node:fs';
import { assembleChangelog, type Changelog } from '../../../src/lib/content/changelog';
import type { PortData } from '../../../src/lib/model';
import { parseYamlRecords } from '../../../src/lib/content/yaml-records';
import { changelogEntrySchema } from '../../../src/schemas/changelog';
import { changelogTranslationSchema } from '../../../src/schemas/translation';
import { contentFilesIn, germanFilesIn } from '../../../src/lib/content/files';
import { checkGermanChangelogTexts } from '../../../src/lib/content/translations';

/** Checks changelog YAML against port data as the build does; `file` is the name used in messages. */
export function changelogFromYaml(text: string, data: PortData, file = 'content/changelog.yaml'): Changelog {
  const records = parseYamlRecords(text, {
    file,
    entryLabel: 'changelog entry',
    schema: changelogEntrySchema,
  });
  return assembleChangelog(
    records.map(({ position, data: record }) => ({ position, record })),
    data,
    file,
  );
}

/** The changelog of a content folder, checked against its port data, without Astro. */
export function loadChangelogContent(data: PortData, dir = 'content'): Changelog {
  const file = `${dir}/changelog.yaml`;
  return changelogFromYaml(readFileSync(file, 'utf8'), data, file);
}

/** The site address the tests build feeds for, as astro.config.mjs sets it. */
export const TEST_SITE = new URL('https://ports.pascom.example/');

/** The German changelog texts of a content folder, checked against its English changelog as the build does. */
export function checkGermanChangelog(dir = 'content') {
  const read = <S extends Parameters<typeof parseYamlRecords>[1]['schema']>(file: string, schema: S) =>
    parseYamlRecords(readFileSync(file, 'utf8'), { file, entryLabel: 'changelog entry', schema }).map(
      ({ position, data }) => ({ position, record: data }),
    );
  const files = { english: contentFilesIn(dir).changelog, german: germanFilesIn(dir).changelog };
  return checkGermanChangelogTexts(
    read(files.english, changelogEntrySchema),
    read(files.german, changelogTranslationSchema),
    files,
  );
}
