import { isPlatformId, platformInfo, type PlatformId } from './firewall/platforms';
import {
  parseSettings,
  settingsFormFromParams,
  writeSettingsParams,
  SETTING_FIELDS,
  type SettingField,
  type SettingsForm,
} from './firewall/settings';

/**
 * State of the snippet panel on the overview: which platform the reader picked
 * and how they personalised the rules. It lives in the URL query next to the
 * filter's parameters (`?fw=pf&net=10.1.0.0/16&device=phone#cloud`), so a
 * personalised snippet can be linked, and the platform is also remembered in
 * the browser for the next visit.
 */
export interface SnippetState {
  platform: PlatformId;
  /** Only fields that passed validation; empty fields are left out. */
  form: SettingsForm;
}

/** URL query parameter of the chosen platform, e.g. `?fw=nftables`. */
export const PLATFORM_PARAM = 'fw';
/** localStorage key that remembers the last chosen platform. */
export const PLATFORM_STORAGE_KEY = 'pf-snippet-platform';
/** The platform shown when neither the URL nor the browser names one. */
export const DEFAULT_PLATFORM: PlatformId = 'nftables';
/**
 * Longest value read from the URL for one field. Real values are far shorter;
 * the cap keeps a crafted link from making the page validate megabytes of text.
 */
export const MAX_FIELD_LENGTH = 300;

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
 * browser remembers, then the default; settings from the URL. Unknown platforms
 * and values that do not validate are ignored, so an old or garbled link still
 * opens the page without errors.
 */
export function readSnippetState(search: string, stored: string | null | undefined): SnippetState {
  const params = new URLSearchParams(search);
  const fromUrl = params.get(PLATFORM_PARAM) ?? '';
  const platform = isPlatformId(fromUrl)
    ? fromUrl
    : stored !== null && stored !== undefined && isPlatformId(stored)
      ? stored
      : DEFAULT_PLATFORM;
  return { platform, form: validFields(settingsFormFromParams(params)) };
}

/** What a link gave the snippet panel that readSnippetState could not use. */
export interface RejectedSnippetValues {
  /** A platform the URL names that is not on the list. */
  platform?: string;
  /** Settings that do not validate, trimmed; one longer than any real value is cut just past the limit. */
  form: SettingsForm;
}

/**
 * The values of a URL query that readSnippetState drops, so the panel can show
 * them to the reader with what is wrong, as if they had typed them.
 */
export function rejectedSnippetValues(search: string): RejectedSnippetValues {
  const params = new URLSearchParams(search);
  const rejected: RejectedSnippetValues = { form: {} };
  const platform = params.get(PLATFORM_PARAM)?.trim() ?? '';
  if (platform !== '' && !isPlatformId(platform)) rejected.platform = platform;
  const given = settingsFormFromParams(params);
  const valid = validFields(given);
  for (const [field, value] of Object.entries(given) as [SettingField, string][]) {
    const trimmed = value.trim();
    if (trimmed !== '' && valid[field] === undefined)
      rejected.form[field] = trimmed.slice(0, MAX_FIELD_LENGTH + 1);
  }
  return rejected;
}

/**
 * The URL query with the panel's state written into it. Every other parameter
 * (the filter's `device`, `protocol`, `direction`, `q`, anything unknown) is
 * kept as it was; empty settings are removed. Returns "" or "?…".
 */
export function writeSnippetState(search: string, state: SnippetState): string {
  const params = new URLSearchParams(search);
  params.set(PLATFORM_PARAM, state.platform);
  writeSettingsParams(params, state.form);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** What typing into one field does to the valid settings. */
export type FieldUpdate = { ok: true; form: SettingsForm } | { ok: false; error: string };

/**
 * Applies one field's new text. A valid (or empty) value replaces the field;
 * an invalid one leaves the settings untouched and says what is wrong, so a bad
 * value never reaches a snippet.
 */
export function updateField(form: SettingsForm, field: SettingField, value: string): FieldUpdate {
  const trimmed = value.trim();
  if (trimmed.length > MAX_FIELD_LENGTH) {
    return { ok: false, error: `is longer than ${MAX_FIELD_LENGTH} characters` };
  }
  const result = parseSettings({ [field]: trimmed });
  if (!result.ok) return { ok: false, error: result.errors[field] ?? 'is not valid' };
  const next: SettingsForm = { ...form };
  if (trimmed === '') delete next[field];
  else next[field] = trimmed;
  return { ok: true, form: next };
}

/** True when the platform's rules name interfaces or zones, so the reader may rename them. */
export function usesInterfaceNames(platform: PlatformId): boolean {
  const info = platformInfo(platform);
  return info.inside !== '' || info.outside !== '';
}
