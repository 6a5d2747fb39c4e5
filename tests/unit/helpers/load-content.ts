import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { assemblePortData, type PortData, type PortDataFiles, type SourceRecord } from '../../../src/lib/port-data';
import { parseYamlRecords } from '../../../src/lib/yaml-records';
import { deviceSchema } from '../../../src/schemas/device';
import { endpointSchema } from '../../../src/schemas/endpoint';
import { portRuleSchema } from '../../../src/schemas/port-rule';
import { deploymentSchema } from '../../../src/schemas/deployment';

function records<S extends z.ZodType>(file: string, entryLabel: string, schema: S): SourceRecord<z.infer<S>>[] {
  return parseYamlRecords(readFileSync(file, 'utf8'), { file, entryLabel, schema }).map(({ position, data }) => ({
    position,
    record: data,
  }));
}

/**
 * The port data of a content folder, assembled exactly as the site does it but
 * without Astro, so library code can be tested against the real content.
 */
export function loadContent(dir = 'content'): PortData {
  const files: PortDataFiles = {
    devices: `${dir}/devices.yaml`,
    endpoints: `${dir}/endpoints.yaml`,
    rules: `${dir}/rules.yaml`,
    deployments: `${dir}/deployments.yaml`,
  };
  return assemblePortData(
    {
      devices: records(files.devices, 'device', deviceSchema),
      endpoints: records(files.endpoints, 'endpoint', endpointSchema),
      rules: records(files.rules, 'rule', portRuleSchema),
      deployments: records(files.deployments, 'deployment', deploymentSchema),
    },
    files,
  );
}
