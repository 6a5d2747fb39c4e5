import type { PortData } from '../../../src/lib/model';
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

function settingsOf(form: Parameters<typeof parseSettings>[0]): () => SnippetSettings {
  return () => {
    const result = parseSettings(form);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.settings;
  };
}

/**
 * The personalisations every platform check runs on: nothing given, one family
 * only, both families, a long instance name and the admin's own interface names.
 */
export const CHECK_SETTINGS: { name: string; settings: () => SnippetSettings }[] = [
  { name: 'none', settings: () => DEFAULT_SETTINGS },
  { name: 'IPv4 only', settings: settingsOf({ net: '10.1.0.0/16', server: '10.1.0.5' }) },
  { name: 'IPv6 only', settings: settingsOf({ net: '2001:db8:100::/48', server: '2001:db8:100::5' }) },
  {
    name: 'dual stack',
    settings: settingsOf({ net: '10.1.0.0/16, 2001:db8:100::/48', server: '10.1.0.5, 2001:db8:100::5' }),
  },
  {
    name: 'long instance name',
    settings: settingsOf({ host: `${'a'.repeat(63)}.${'b'.repeat(40)}.pascom.cloud` }),
  },
  {
    name: 'custom interfaces',
    settings: settingsOf({ host: 'acme', in: 'office-lan.10', out: 'uplink_2' }),
  },
];
