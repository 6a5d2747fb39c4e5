import type { ValidationError } from '../texts';
import { codePoint, firstInvisible, showInvisible } from '../visible-text';
import { parseIpAddress, parseNetwork, type Network } from './ip';

/**
 * The personalisation an admin can give the snippets. Each field is also a URL
 * query parameter (src/lib/url/params.ts), so a personalised snippet can be linked:
 *
 * - `net`: your network, one IPv4 and/or one IPv6 network ("10.1.0.0/16, 2001:db8:1::/48");
 * - `host`: your pascom.cloud instance ("acme.pascom.cloud" or just "acme");
 * - `server`: the address(es) of your onsite pascom server (one IPv4 and/or one IPv6);
 * - `in`: name of the inside interface or zone (your network);
 * - `out`: name of the outside interface or zone (the internet).
 */
export const SETTING_FIELDS = ['net', 'host', 'server', 'in', 'out'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];

/** Labels and hints of the personalisation form, one per field. */
export const SETTING_LABELS: Record<SettingField, { label: string; hint: string }> = {
  net: { label: 'Your network', hint: 'IPv4 and/or IPv6 network, e.g. 10.1.0.0/16. Empty: any.' },
  host: { label: 'Your pascom.cloud instance', hint: 'e.g. acme.pascom.cloud' },
  server: { label: 'Onsite pascom server address', hint: 'IPv4 and/or IPv6 address, e.g. 10.1.0.5' },
  in: { label: 'Inside interface or zone', hint: 'Empty: the usual name on each platform.' },
  out: { label: 'Outside interface or zone', hint: 'Empty: the usual name on each platform.' },
};

/** What the admin typed, field by field, before validation. */
export type SettingsForm = Partial<Record<SettingField, string>>;

declare const validated: unique symbol;

/**
 * Settings that passed {@link parseSettings}. The brand makes it impossible to
 * hand a generator settings that were not validated.
 */
export interface SnippetSettings {
  readonly [validated]: true;
  /** Your network per family; a missing family means any address. */
  network4?: Network | undefined;
  network6?: Network | undefined;
  /** The customer's pascom.cloud instance, lower case. */
  instanceHost?: string | undefined;
  /** The onsite pascom server per family. */
  server4?: string | undefined;
  server6?: string | undefined;
  /** Inside and outside interface or zone names; each platform has its own default. */
  inside?: string | undefined;
  outside?: string | undefined;
}

/** What is wrong with each refused field, as a text key and its values (see ValidationError). */
export type SettingErrors = Partial<Record<SettingField, ValidationError>>;

export type SettingsResult = { ok: true; settings: SnippetSettings } | { ok: false; errors: SettingErrors };

/** The domain every pascom.cloud instance lives under. */
const INSTANCE_DOMAIN = 'pascom.cloud';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Interface and zone names: a letter or digit, then letters, digits and `_ . : / -`. */
const INTERFACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,31}$/;

function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseNetworks(
  text: string,
): { network4?: Network; network6?: Network } | { error: ValidationError } {
  const result: { network4?: Network; network6?: Network } = {};
  for (const part of splitList(text)) {
    const parsed = parseNetwork(part);
    if (!parsed.ok) return { error: parsed.error };
    // A /0 network is every address: several platforms refuse it as a network, and an empty field says the same.
    if (parsed.network.prefix === 0) {
      return { error: { key: 'settings.error.everyAddress', values: { network: parsed.network.cidr } } };
    }
    const key = parsed.network.family === 4 ? 'network4' : 'network6';
    if (result[key]) {
      return { error: { key: 'settings.error.oneNetwork', values: { family: parsed.network.family } } };
    }
    result[key] = parsed.network;
  }
  return result;
}

function parseServer(text: string): { server4?: string; server6?: string } | { error: ValidationError } {
  const result: { server4?: string; server6?: string } = {};
  for (const part of splitList(text)) {
    const parsed = parseIpAddress(part);
    if (!parsed) {
      return { error: { key: 'settings.error.notAddress', values: { value: showInvisible(part) } } };
    }
    const key = parsed.family === 4 ? 'server4' : 'server6';
    if (result[key])
      return { error: { key: 'settings.error.oneAddress', values: { family: parsed.family } } };
    result[key] = parsed.address;
  }
  return result;
}

/** The instance hostname, with ".pascom.cloud" added to a bare instance name. */
function parseInstanceHost(text: string): string | { error: ValidationError } {
  let host = text.trim().toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) host = `${host}.${INSTANCE_DOMAIN}`;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    return { error: { key: 'settings.error.hostname', values: {} } };
  }
  if (!host.endsWith(`.${INSTANCE_DOMAIN}`) || labels.length < 3) {
    return { error: { key: 'settings.error.instance', values: { domain: INSTANCE_DOMAIN } } };
  }
  if (host.length > 253) return { error: { key: 'settings.error.hostTooLong', values: {} } };
  return host;
}

/**
 * Why a value holds a character no field may hold, or undefined. A browser drops
 * line breaks when it fills a text field, so "10.0.0.1<LF>0" from a link would
 * silently become 10.0.0.10; a right-to-left override makes text read backwards.
 */
function invisibleProblem(value: string): ValidationError | undefined {
  const found = firstInvisible(value);
  if (!found) return undefined;
  const values = { character: codePoint(found.character), index: found.index };
  return /[\n\r\v\f\u0085\u2028\u2029]/u.test(found.character)
    ? { key: 'settings.error.lineBreak', values }
    : { key: 'settings.error.invisible', values };
}

/**
 * Checks every field and returns either validated settings or one clear error
 * per field that is wrong, as a text key and its values, so the page writes it in
 * its own language. Empty fields fall back to defaults.
 */
export function parseSettings(form: SettingsForm): SettingsResult {
  const errors: SettingErrors = {};
  const settings: Omit<SnippetSettings, typeof validated> = {};
  const values: Partial<Record<SettingField, string>> = {};
  for (const field of SETTING_FIELDS) {
    const value = form[field]?.trim() ?? '';
    const problem = invisibleProblem(value);
    if (problem !== undefined) errors[field] = problem;
    else values[field] = value;
  }

  const net = values.net ?? '';
  if (net !== '') {
    const networks = parseNetworks(net);
    if ('error' in networks) errors.net = networks.error;
    else Object.assign(settings, networks);
  }

  const host = values.host ?? '';
  if (host !== '') {
    const parsed = parseInstanceHost(host);
    if (typeof parsed === 'string') settings.instanceHost = parsed;
    else errors.host = parsed.error;
  }

  const server = values.server ?? '';
  if (server !== '') {
    const parsed = parseServer(server);
    if ('error' in parsed) errors.server = parsed.error;
    else Object.assign(settings, parsed);
  }

  for (const field of ['in', 'out'] as const) {
    const value = values[field] ?? '';
    if (value === '') continue;
    if (INTERFACE_NAME.test(value)) settings[field === 'in' ? 'inside' : 'outside'] = value;
    else errors[field] = { key: 'settings.error.interface', values: {} };
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: settings as SnippetSettings };
}

/** The settings every published snippet uses: nothing personalised. */
export const DEFAULT_SETTINGS: SnippetSettings = (() => {
  const result = parseSettings({});
  if (!result.ok) throw new Error('empty settings must be valid');
  return result.settings;
})();
