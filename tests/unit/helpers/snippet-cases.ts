import type { PortData } from '../../../src/lib/port-data';
import { toSnippetInput, type SnippetInput } from '../../../src/lib/firewall/plan';
import { DEFAULT_SETTINGS, parseSettings, type SnippetSettings } from '../../../src/lib/firewall/settings';

/** Settings with every field personalised, dual-stack network and server. */
export function personalisedSettings(): SnippetSettings {
  const result = parseSettings({
    net: '10.1.0.0/16, 2001:db8:100::/48',
    host: 'acme',
    server: '10.1.0.5, 2001:db8:100::5',
    in: 'lan0',
    out: 'wan0',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

/** One snippet input per tab and device filter: each single device, and all devices. */
export interface FilterCase {
  name: string;
  input: SnippetInput;
}

export function filterCases(data: PortData): FilterCase[] {
  const cases: FilterCase[] = [];
  for (const view of data.deployments) {
    cases.push({ name: `${view.id}, all devices`, input: toSnippetInput(view) });
    for (const device of data.devices) {
      const ids = view.placements
        .filter((placement) => placement.rule.devices.some((d) => d.id === device.id))
        .map((placement) => placement.rule.id);
      cases.push({ name: `${view.id}, ${device.id} only`, input: toSnippetInput(view, ids) });
    }
  }
  return cases;
}

export const SETTINGS_CASES: { name: string; settings: () => SnippetSettings }[] = [
  { name: 'default settings', settings: () => DEFAULT_SETTINGS },
  { name: 'personalised', settings: personalisedSettings },
];
