import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { assemblePortData, type PortData, type PortDataFiles, type SourceRecord } from '../../../src/lib/port-data';
import { parseYamlRecords } from '../../../src/lib/yaml-records';
import { deviceSchema } from '../../../src/schemas/device';
import { endpointSchema } from '../../../src/schemas/endpoint';
import { portRuleSchema } from '../../../src/schemas/port-rule';
import { deploymentSchema } from '../../../src/schemas/deployment';

/** Reads one YAML collection the way the build's strict loader does. */
export function readRecords<S extends z.ZodType>(file: string, entryLabel: string, schema: S): SourceRecord<z.infer<S>>[] {
  return parseYamlRecords(readFileSync(file, 'utf8'), { file, entryLabel, schema }).map(({ position, data }) => ({
    position,
    record: data,
  }));
}

/** The port data as pages see it, assembled from a content folder without Astro. */
export function loadContent(dir = 'content'): PortData {
  const files: PortDataFiles = {
    devices: `${dir}/devices.yaml`,
    endpoints: `${dir}/endpoints.yaml`,
    rules: `${dir}/rules.yaml`,
    deployments: `${dir}/deployments.yaml`,
  };
  return assemblePortData(
    {
      devices: readRecords(files.devices, 'device', deviceSchema),
      endpoints: readRecords(files.endpoints, 'endpoint', endpointSchema),
      rules: readRecords(files.rules, 'rule', portRuleSchema),
      deployments: readRecords(files.deployments, 'deployment', deploymentSchema),
    },
    files,
  );
}
