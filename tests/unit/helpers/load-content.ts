import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlRecords } from '../../../src/lib/content/yaml-records';
import { assemblePortData, type PortDataInput } from '../../../src/lib/content/port-data';
import { contentFilesIn, germanFilesIn } from '../../../src/lib/content/files';
import {
  checkGermanPortTexts,
  completeTexts,
  translatePortData,
  type GermanPortInput,
} from '../../../src/lib/content/translations';
import {
  deploymentTranslationSchema,
  deviceTranslationSchema,
  endpointTranslationSchema,
  ruleTranslationSchema,
} from '../../../src/schemas/translation';
import { type PortData } from '../../../src/lib/model';
import { deviceSchema } from '../../../src/schemas/device';
import { endpointSchema } from '../../../src/schemas/endpoint';
import { portRuleSchema } from '../../../src/schemas/port-rule';
import { deploymentSchema } from '../../../src/schemas/deployment';

/** Reads and validates the four collections of a content folder, as the build does. */
export function loadContentInput(dir = 'content'): PortDataInput {
  const read = <S extends Parameters<typeof parseYamlRecords>[1]['schema']>(
    name: string,
    entryLabel: string,
    schema: S,
  ) =>
    parseYamlRecords(readFileSync(join(dir, `${name}.yaml`), 'utf8'), {
      file: `${dir}/${name}.yaml`,
      entryLabel,
      schema,
    }).map(({ position, data }) => ({ position, record: data }));
  return {
    devices: read('devices', 'device', deviceSchema),
    endpoints: read('endpoints', 'endpoint', endpointSchema),
    rules: read('rules', 'rule', portRuleSchema),
    deployments: read('deployments', 'deployment', deploymentSchema),
  };
}

/** The port data of a content folder, assembled without Astro. */
export function loadContent(dir = 'content'): PortData {
  return assemblePortData(loadContentInput(dir), contentFilesIn(dir));
}

/** Reads and validates the German files of a content folder (`<dir>/de/`), as the build does. */
export function loadGermanInput(dir = 'content'): GermanPortInput {
  const german = germanFilesIn(dir);
  const read = <S extends Parameters<typeof parseYamlRecords>[1]['schema']>(
    file: string,
    entryLabel: string,
    schema: S,
  ) =>
    parseYamlRecords(readFileSync(file, 'utf8'), { file, entryLabel, schema }).map(({ position, data }) => ({
      position,
      record: data,
    }));
  return {
    devices: read(german.devices, 'device', deviceTranslationSchema),
    endpoints: read(german.endpoints, 'endpoint', endpointTranslationSchema),
    rules: read(german.rules, 'rule', ruleTranslationSchema),
    deployments: read(german.deployments, 'deployment', deploymentTranslationSchema),
  };
}

/** The German texts of a content folder's port data, checked against its English files as the build does. */
export function checkGermanContent(dir = 'content') {
  return checkGermanPortTexts(
    loadContentInput(dir),
    loadGermanInput(dir),
    contentFilesIn(dir),
    germanFilesIn(dir),
  );
}

/** The port data of a content folder with its German texts, as the German pages read it. */
export function loadGermanContent(dir = 'content'): PortData {
  return translatePortData(loadContent(dir), completeTexts(checkGermanContent(dir)));
}
