import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { deviceSchema } from '../../../src/schemas/device';
import { endpointSchema } from '../../../src/schemas/endpoint';
import { portRuleSchema } from '../../../src/schemas/port-rule';
import { deploymentSchema } from '../../../src/schemas/deployment';
import { parseYamlRecords } from '../../../src/lib/yaml-records';
import { assemblePortData, type PortData } from '../../../src/lib/port-data';

function records<S extends z.ZodType>(folder: string, name: string, entryLabel: string, schema: S) {
  const file = join(folder, `${name}.yaml`);
  return parseYamlRecords(readFileSync(file, 'utf8'), { file, entryLabel, schema }).map(
    ({ position, data }) => ({
      position,
      record: data,
    }),
  );
}

/** The port data of a content folder, checked and assembled as the build does it. */
export function portDataFrom(folder: string): PortData {
  return assemblePortData(
    {
      devices: records(folder, 'devices', 'device', deviceSchema),
      endpoints: records(folder, 'endpoints', 'endpoint', endpointSchema),
      rules: records(folder, 'rules', 'rule', portRuleSchema),
      deployments: records(folder, 'deployments', 'deployment', deploymentSchema),
    },
    {
      devices: join(folder, 'devices.yaml'),
      endpoints: join(folder, 'endpoints.yaml'),
      rules: join(folder, 'rules.yaml'),
      deployments: join(folder, 'deployments.yaml'),
    },
  );
}
