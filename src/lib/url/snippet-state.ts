import { isPlatformId, platformInfo, type PlatformId } from '../firewall/platforms';
import { showInvisible } from '../visible-text';
import { MAX_FIELD_LENGTH, PLATFORM_PARAM, SETTING_PARAMS } from './params';
import {
  parseSettings,
  SETTING_FIELDS,
  type SettingErrors,
  type SettingField,
  type SettingsForm,
} from '../firewall/settings';
import type { ValidationError } from '../texts';
import type { SnippetInput } from '../firewall/plan';

/** What a refused value is told when the validation gives no reason; every refusal gives one today. */
export const NOT_VALID: ValidationError = { key: 'settings.error.notValid', values: {} };

/**
 * State of the snippet panel on the overview: which platform the reader picked
 * and how they personalised the rules. It lives in the URL query next to the
 * filter's parameters (`?fw=pf&net=10.1.0.0/16&device=phone#cloud`), so a
 * personalised snippet can be linked, and the platform is also remembered in
 * the browser for the next visit.
 */
export interface SnippetState {
  /** The platform the reader chose; undefined until they choose one (no platform is assumed). */
  platform: PlatformId | undefined;
  /** Only fields that passed validation; empty fields are left out. */
  form: SettingsForm;
}

/** localStorage key that remembers the last chosen platform. */
export const PLATFORM_STORAGE_KEY = 'pf-snippet-platform';

/** The fields of a form that are valid on their own; anything else is dropped silently. */
export function validFields(form: SettingsForm): SettingsForm {
  const valid: SettingsForm = {};
  for (const field of SETTING_FIELDS) {
    const value = form[field]?.trim() ?? '';
    if (value === '' || value.length > MAX_FIELD_LENGTH) continue;
    if (parseSettings({ [field]: value }).ok) valid[field] = value;
  }
  return valid;
}

/**
 * Reads the panel's state: the platform from the URL first, then the one the
 * reader chose on an earlier visit, else none (the panel asks); settings from
 * the URL. Unknown platforms
 * and values that do not validate are ignored, so an old or garbled link still
 * opens the page without errors.
 */
export function parseSnippetState(search: string, stored: string | null | undefined): SnippetState {
  const params = new URLSearchParams(search);
  const fromUrl = params.get(PLATFORM_PARAM)?.trim() ?? '';
  const platform = isPlatformId(fromUrl)
    ? fromUrl
    : stored !== null && stored !== undefined && isPlatformId(stored)
      ? stored
      : undefined;
  return { platform, form: validFields(settingsFormFromParams(params)) };
}

/** What a link gave the snippet panel that parseSnippetState could not use. */
export interface RejectedSnippetValues {
  /** A platform the URL names that is not on the list. */
  platform?: string;
  /**
   * Settings that do not validate, trimmed, as the field shows them: invisible
   * characters written out ("[U+000A]"), and one longer than any real value cut
   * just past the limit.
   */
  form: SettingsForm;
  /**
   * What is wrong with each rejected setting, judged on the value exactly as the
   * link gave it: a text key and its values, for the panel to write in its language.
   */
  errors: SettingErrors;
}

/**
 * The values of a URL query that parseSnippetState drops, so the panel can show
 * them to the reader with what is wrong. The error comes from the raw value: a
 * browser drops line breaks when it fills a field, so checking the field's
 * value instead would let "10.0.0.1<LF>0" pass as 10.0.0.10.
 */
export function rejectedSnippetValues(search: string): RejectedSnippetValues {
  const params = new URLSearchParams(search);
  const rejected: RejectedSnippetValues = { form: {}, errors: {} };
  const platform = params.get(PLATFORM_PARAM)?.trim() ?? '';
  if (platform !== '' && !isPlatformId(platform)) rejected.platform = platform;
  const given = settingsFormFromParams(params);
  const valid = validFields(given);
  for (const [field, value] of Object.entries(given) as [SettingField, string][]) {
    const trimmed = value.trim();
    if (trimmed === '' || valid[field] !== undefined) continue;
    const update = updateField({}, field, trimmed);
    rejected.form[field] = showInvisible(trimmed.slice(0, MAX_FIELD_LENGTH + 1));
    rejected.errors[field] = update.ok ? NOT_VALID : update.error;
  }
  return rejected;
}

/**
 * The URL query with the panel's state written into it. Every other parameter
 * (the filter's `device`, `protocol`, `direction`, `q`, anything unknown) is
 * kept as it was; empty settings are removed. Returns "" or "?…".
 */
export function serialiseSnippetState(search: string, state: SnippetState): string {
  const params = new URLSearchParams(search);
  if (state.platform === undefined) params.delete(PLATFORM_PARAM);
  else params.set(PLATFORM_PARAM, state.platform);
  serialiseSettings(params, state.form);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * What typing into one field does to the valid settings: `form` is always what
 * the snippet uses next; on an error it no longer holds the field at all.
 */
export type FieldUpdate =
  { ok: true; form: SettingsForm } | { ok: false; error: ValidationError; form: SettingsForm };

/**
 * Applies one field's new text. A valid (or empty) value replaces the field; an
 * invalid one removes it and says what is wrong, so neither the bad value nor an
 * earlier valid one the reader has typed past ("eth0" of "eth0;reboot") reaches
 * a snippet or the address.
 */
export function updateField(form: SettingsForm, field: SettingField, value: string): FieldUpdate {
  const trimmed = value.trim();
  // A copy without the field: its old value goes, whether or not the new one is valid.
  const { [field]: _replaced, ...others } = form;
  const next: SettingsForm = others;
  if (trimmed.length > MAX_FIELD_LENGTH) {
    return {
      ok: false,
      error: { key: 'settings.error.tooLong', values: { max: MAX_FIELD_LENGTH } },
      form: next,
    };
  }
  const result = parseSettings({ [field]: trimmed });
  if (!result.ok) return { ok: false, error: result.errors[field] ?? NOT_VALID, form: next };
  if (trimmed !== '') next[field] = trimmed;
  return { ok: true, form: next };
}

/** True when the platform's rules name interfaces or zones, so the reader may rename them. */
export function usesInterfaceNames(platform: PlatformId): boolean {
  // Typed as any platform's names, not as today's table, where no platform names one side only.
  const names: { inside: string; outside: string } = platformInfo(platform);
  return names.inside !== '' || names.outside !== '';
}

/**
 * The fields that change a tab's rules on a platform, in form order: your
 * network where the tab has outbound rules, the instance where a rule targets
 * it (Cloud), the server's address where inbound rules reach it (Onsite), and
 * interface names only on a chosen platform whose rules name them.
 */
export function applicableFields(
  input: Pick<SnippetInput, 'rules' | 'endpoints'> | undefined,
  platform: PlatformId | undefined,
): SettingField[] {
  const rules = input?.rules ?? [];
  const applies: Record<SettingField, boolean> = {
    net: rules.some((rule) => rule.direction === 'outbound'),
    host: (input?.endpoints ?? []).some((endpoint) => endpoint.kind === 'pascom-instance'),
    server: rules.some(
      (rule) =>
        rule.direction === 'inbound' && rule.destinations.some((endpoint) => endpoint.kind === 'network'),
    ),
    in: platform !== undefined && usesInterfaceNames(platform),
    out: platform !== undefined && usesInterfaceNames(platform),
  };
  return SETTING_FIELDS.filter((field) => applies[field]);
}

/** Reads the personalisation fields from URL query parameters, leaving out empty ones. */
export function settingsFormFromParams(params: URLSearchParams): SettingsForm {
  const form: SettingsForm = {};
  for (const field of SETTING_FIELDS) {
    const value = params.get(SETTING_PARAMS[field]);
    if (value !== null && value !== '') form[field] = value;
  }
  return form;
}

/** Writes the personalisation fields into URL query parameters, dropping empty ones. */
export function serialiseSettings(params: URLSearchParams, form: SettingsForm): void {
  for (const field of SETTING_FIELDS) {
    const value = form[field]?.trim() ?? '';
    if (value === '') params.delete(SETTING_PARAMS[field]);
    else params.set(SETTING_PARAMS[field], value);
  }
}
