import { getCollection } from 'astro:content';
import { contentFiles } from './files';
import { assemblePortData } from './port-data';
import { type PortData } from '../model';

let cached: Promise<PortData> | undefined;

/** The port data every page reads, assembled and checked once per build. */
export function loadPortData(): Promise<PortData> {
  cached ??= (async () => {
    const [devices, endpoints, rules, deployments] = await Promise.all([
      getCollection('devices'),
      getCollection('endpoints'),
      getCollection('rules'),
      getCollection('deployments'),
    ]);
    return assemblePortData(
      {
        devices: devices.map((entry) => entry.data),
        endpoints: endpoints.map((entry) => entry.data),
        rules: rules.map((entry) => entry.data),
        deployments: deployments.map((entry) => entry.data),
      },
      contentFiles,
    );
  })();
  return cached;
}
