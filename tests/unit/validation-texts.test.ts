/**
 * The errors of the snippet panel's personalisation fields in both languages:
 * every error the validation can give has an English and a German text, the
 * panel's German data carries the German ones, and an error written for a German
 * page reads German, with the values filled in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseNetwork } from '../../src/lib/firewall/ip';
import { parseSettings, type SettingField, type SettingsForm } from '../../src/lib/firewall/settings';
import { checkGermanUiTexts } from '../../src/lib/content/ui-texts';
import {
  formatError,
  placeholdersOf,
  SNIPPET_PANEL_KEYS,
  UI_TEXTS_EN,
  VALIDATION_KEYS,
  pickTexts,
  type UiTexts,
  type ValidationError,
  type ValidationKey,
} from '../../src/lib/texts';
import { MAX_FIELD_LENGTH } from '../../src/lib/url/params';
import { NOT_VALID, rejectedSnippetValues, updateField } from '../../src/lib/url/snippet-state';

const FILE = 'content/de/ui.yaml';
const german: UiTexts = checkGermanUiTexts(readFileSync(FILE, 'utf8'), FILE).texts;

/** The error the validation gives one field's value; throws if it gives none. */
function errorOf(field: SettingField, value: string): ValidationError {
  const form: SettingsForm = { [field]: value };
  const result = parseSettings(form);
  const error = result.ok ? undefined : result.errors[field];
  if (!error) throw new Error(`${field} = ${JSON.stringify(value)} is valid`);
  return error;
}

/** The error typing a value into a field of the panel gives; throws if it gives none. */
function typedErrorOf(field: SettingField, value: string): ValidationError {
  const update = updateField({}, field, value);
  if (update.ok) throw new Error(`${field} = ${JSON.stringify(value)} is valid`);
  return update.error;
}

/** Every kind of error, each made by the real validation from a value a reader could give. */
const CASES: [ValidationKey, ValidationError][] = [
  ['settings.error.everyAddress', errorOf('net', '0.0.0.0/0')],
  ['settings.error.oneNetwork', errorOf('net', '10.0.0.0/8, 192.168.0.0/16')],
  ['settings.error.notAddress', errorOf('server', 'pbx.example.com')],
  ['settings.error.oneAddress', errorOf('server', '10.0.0.1 10.0.0.2')],
  ['settings.error.hostname', errorOf('host', 'ac_me')],
  ['settings.error.instance', errorOf('host', 'acme.example.com')],
  ['settings.error.hostTooLong', errorOf('host', `${`${'a'.repeat(60)}.`.repeat(4)}pascom.cloud`)],
  ['settings.error.interface', errorOf('in', 'eth0; reboot')],
  ['settings.error.lineBreak', errorOf('server', '10.0.0.1\n0')],
  ['settings.error.invisible', errorOf('out', 'wan\u202Ex')],
  ['settings.error.tooLong', typedErrorOf('host', 'a'.repeat(MAX_FIELD_LENGTH + 1))],
  // Said only when a refusal gives no reason, which none does today.
  ['settings.error.notValid', NOT_VALID],
  ['ip.error.twoSlashes', errorOf('net', '10.0.0.0/8/8')],
  ['ip.error.notAddress', errorOf('net', '300.1.1.1/8')],
  ['ip.error.notPrefix', errorOf('net', '10.0.0.0/x')],
  ['ip.error.prefixTooLong', errorOf('net', '10.0.0.0/33')],
  ['ip.error.hostBits', errorOf('net', '10.1.0.5/16')],
];

/**
 * The English of a text a German sentence must not contain: the pieces between
 * its placeholders of at least two words, as tests/unit/helpers/language-check.ts
 * finds English on German pages.
 */
function englishPieces(key: ValidationKey): string[] {
  return UI_TEXTS_EN[key]
    .split(/\{[a-zA-Z]+\}/)
    .map((piece) => piece.replace(/^[\s,.:;()"]+|[\s,.:;()"]+$/g, ''))
    .filter((piece) => piece.split(/\s+/).length >= 2);
}

describe('the texts of the validation errors', () => {
  test('every error key has an English text and a German one of its own, with the same placeholders', () => {
    for (const key of VALIDATION_KEYS) {
      expect(UI_TEXTS_EN[key], key).toMatch(/\w{3,}/);
      expect(german[key], key).toMatch(/\w{3,}/);
      expect(german[key], key).not.toBe(UI_TEXTS_EN[key]);
      expect(placeholdersOf(german[key]), key).toEqual(placeholdersOf(UI_TEXTS_EN[key]));
    }
  });

  test('the snippet panel’s German texts (its data.json) carry every error text, in German', () => {
    const panel: Record<string, string> = pickTexts(german, SNIPPET_PANEL_KEYS);
    for (const key of VALIDATION_KEYS) expect(panel[key], key).toBe(german[key]);
  });

  test('the cases below cover every error key, each made by the validation', () => {
    expect(CASES.map(([key]) => key).sort()).toEqual([...VALIDATION_KEYS].sort());
    for (const [key, error] of CASES) expect(error.key, key).toBe(key);
  });
});

describe('an error written for a German page', () => {
  test.each(CASES)('%s reads German, with its values, and no English', (key, error) => {
    const english = formatError(UI_TEXTS_EN, error);
    const written = formatError(german, error);
    expect(written).not.toBe(english);
    expect(written).not.toMatch(/\{[a-zA-Z]+\}/);
    for (const value of Object.values(error.values)) expect(written).toContain(String(value));
    for (const piece of englishPieces(key)) expect(written, `English "${piece}"`).not.toContain(piece);
  });

  test('a network, a server address and a line break in a link', () => {
    const rejected = rejectedSnippetValues('?net=10.0.0.0%2F33&server=pbx.example.com&in=eth0%0Areboot');
    const written = Object.fromEntries(
      Object.entries(rejected.errors).map(([field, error]) => [field, formatError(german, error)]),
    );
    expect(written).toEqual({
      net: 'ein IPv4-Präfix ist höchstens /32 lang',
      server: '„pbx.example.com“ ist keine IPv4- oder IPv6-Adresse (keine Hostnamen, kein /Präfix)',
      in: 'enthält nach Zeichen 4 einen Zeilenumbruch (U+000A); geben Sie den Wert in einer Zeile an',
    });
  });

  test('a quoted address keeps its invisible characters written out', () => {
    const result = parseNetwork('10.0.0.1\u202E8/0');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatError(german, result.error)).toBe('„10.0.0.1[U+202E]8“ ist keine IPv4- oder IPv6-Adresse');
    }
  });
});
