import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlRecords } from '../../../src/lib/content/yaml-records';
import { assemblePortData, type PortDataInput } from '../../../src/lib/content/port-data';
import { contentFilesIn } from '../../../src/lib/content/files';
import { type PortData } from '../../../src/lib/model';
import { deviceSchema } from '../../../src/schemas/device';
import { endpointSchema } from '../../../src/schemas/endpoint';
import { portRuleSchema } from '../../../src/schemas/port-rule';
import { deploymentSchema } from '../../../src/schemas/deployment';

/** Reads and validates the four collections of a content folder, as the build does. */
function loadContentInput(dir = 'content'): PortDataInput {
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
