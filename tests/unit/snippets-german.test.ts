/**
 * The German snippets: every sentence German, ASCII where the platform needs it,
 * and the same rules as the English ones.
 */
import { describe, expect, test } from 'vitest';
import { DIRECTIONS } from '../../src/schemas/registries';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { toSnippetInput, type SnippetInput } from '../../src/lib/firewall/plan';
import { PLATFORMS, PLATFORM_IDS, platformInfo, type PlatformId } from '../../src/lib/firewall/platforms';
import { DEFAULT_SETTINGS, type SnippetSettings } from '../../src/lib/firewall/settings';
import { asciiSpelling } from '../../src/lib/firewall/text';
import { SNIPPET_TEXTS, type SnippetTexts } from '../../src/lib/firewall/texts';
import { loadContent, loadGermanContent } from './helpers/load-content';
import { CHECK_SETTINGS } from './helpers/snippet-cases';

const english = loadContent();
const german = loadGermanContent();
const EN = SNIPPET_TEXTS.en;
const DE = SNIPPET_TEXTS.de;

/** The settings the German snippets are read with: published, one family only, names the platform may reject. */
const SETTINGS = CHECK_SETTINGS.filter(({ name }) =>
  ['none', 'IPv4 only', 'custom interfaces'].includes(name),
);

async function render(platform: PlatformId, input: SnippetInput, settings: SnippetSettings) {
  return (await loadGenerator(platform))(input, settings);
}

const germanInputs = german.deployments.map((view) => toSnippetInput(view, undefined, 'de'));

/**
 * Every text of a language, each function called with arguments like the
 * snippets'. Typed by the keys of SnippetTexts, so a sentence added to the
 * registry must be added here too.
 */
function allTexts(texts: SnippetTexts): string[] {
  const rules = ['pascom sip-tls: SIP-TLS', 'pascom rtp-voice: RTP voice'];
  const of: Record<keyof SnippetTexts, () => string[]> = {
    direction: () => Object.values(texts.direction),
    platformLabel: () => PLATFORMS.map((platform) => texts.platformLabel(platform)),
    ruleCount: () =>
      [true, false].flatMap((split) =>
        [true, false].map((merged) => texts.ruleCount({ portRules: 2, rules: 3, split, merged })),
      ),
    title: () => [texts.title('nftables', 'Cloud', '2 rules')],
    generated: () => [texts.generated],
    onlyAllow: () => [texts.onlyAllow],
    replaceInstance: () => [texts.replaceInstance('your-instance.pascom.cloud')],
    outboundAnySource: () => [texts.outboundAnySource],
    outboundFamilyLeftOut: () => [texts.outboundFamilyLeftOut(4), texts.outboundFamilyLeftOut(6)],
    replaceServer: () => [texts.replaceServer('198.51.100.10', '2001:db8:1::10')],
    interfaceHint: () => Object.values(texts.interfaceHint),
    nameNote: () =>
      (['inside', 'outside'] as const).map((side) =>
        texts.nameNote({ side, given: 'x', platform: 'y', hint: 'z', used: 'w' }),
      ),
    save: () => [texts.save('x')],
    outboundNat: () => [texts.outboundNat('x')],
    inboundNat: () => [texts.inboundNat('x')],
    skippedCount: () => [texts.skippedCount(1), texts.skippedCount(2)],
    sipAlg: () => [texts.sipAlg('x', 'y')],
    idleTimeout: () => [texts.idleTimeout('x', 'y')],
    replacePlaceholders: () => [texts.replacePlaceholders],
    placeholderSet: () => [
      texts.placeholderSet({ name: 'n', hosts: 'h', placeholderHost: true, addresses: '192.0.2.10' }),
    ],
    addressesChange: () => [texts.addressesChange],
    fillValues: () => (['nft', 'shell', 'restore'] as const).map((style) => texts.fillValues(style)),
    fillRequired: () => [texts.fillRequired('PASCOM_SERVER_V4', 'x')],
    fillValue: () =>
      (['server', 'instance', 'hosts'] as const).map((what) =>
        texts.fillValue({ family: 4, what, hosts: 'mypascom.net' }),
      ),
    skippedReason: () => DIRECTIONS.map((direction) => texts.skippedReason(rules[0]!, 4, direction)),
    ufwIpv6Condition: () => [texts.ufwIpv6Condition],
    ufwIpv6Skipped: () => [texts.ufwIpv6Skipped],
    fortigateWildcard: () => [texts.fortigateWildcard],
    opnsenseCallFailed: () => [texts.opnsenseCallFailed],
    opnsenseRefused: () => [texts.opnsenseRefused],
    opnsenseSetVariable: () => [texts.opnsenseSetVariable('OPN', 'https://192.168.1.1')],
    windowsDescription: () => DIRECTIONS.map((direction) => texts.windowsDescription('sip-tls', direction)),
    vyosRulesetDescription: () => DIRECTIONS.map((direction) => texts.vyosRulesetDescription(direction, 4)),
    advice: () =>
      PLATFORM_IDS.flatMap((id) => {
        const advice = texts.advice[id];
        const names = { inside: platformInfo(id).inside, outside: platformInfo(id).outside };
        return [
          ...advice.use(names),
          advice.save,
          ...advice.placement(names),
          advice.inboundNat,
          advice.outboundNat ?? '',
          advice.hostnames,
          advice.sipAlg.text,
          advice.idleTimeout.text,
        ];
      }),
    ruleNotes: () => Object.values(texts.ruleNotes).flatMap(({ heading, intro }) => [heading, intro]),
  };
  return Object.values(of).flatMap((texts) => texts());
}

/**
 * Words that make a clause English prose rather than a command or a product
 * name: standing free, not part of an option (to-zone), a file name (this-file),
 * a quoted command, a <placeholder> the admin fills in, or a menu path of an
 * English-only web interface (Policy > Rules and Policies).
 */
const ENGLISH_WORDS = /(?<![-\w])(the|your|is|are|with|only|this|these|for|and|to|of|it|them)(?![-\w])/;
const isEnglishProse = (clause: string) =>
  !clause.includes(' > ') && ENGLISH_WORDS.test(clause.replace(/"[^"]*"|<[^>]*>/g, ' '));

/** The English registry cut into clauses of prose, the pieces a forgotten translation would leave. */
const englishClauses = [
  ...new Set(
    allTexts(EN)
      .flatMap((text) => text.split(/[.;:]\s+|\s+\(|\)\s*|,\s+(?=e\.g\.)/))
      .map((clause) => clause.replace(/\s+/g, ' ').trim())
      .filter((clause) => clause.split(' ').length >= 4 && isEnglishProse(clause)),
  ),
];

/** A snippet as one line of prose: comment markers gone, lines joined. */
function asProse(text: string): string {
  return text
    .replace(/^\s*(?:#|!)\s?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the German snippets say nothing in English', () => {
  test('the English registry yields clauses to look for', () => {
    expect(englishClauses.length).toBeGreaterThan(150);
  });
  const rows = PLATFORM_IDS.flatMap((platform) =>
    germanInputs.flatMap((input) =>
      SETTINGS.map((settings) => ({ platform, deployment: input.deployment.id, input, settings })),
    ),
  );
  test.each(rows)('$platform, $deployment, $settings.name', async ({ platform, input, settings }) => {
    const text = await render(platform, input, settings.settings());
    const prose = asProse(text);
    const left = englishClauses.filter((clause) => prose.includes(clause));
    expect(left, 'English clauses in the German snippet').toEqual([]);
    for (const direction of DIRECTIONS) expect(text).not.toContain(`(${EN.direction[direction]})`);
    if (platformInfo(platform).asciiComments) {
      const line = text.split('\n').find((candidate) => /[^\t\n\r -~]/.test(candidate));
      expect(line, 'a line with a character outside printable ASCII').toBeUndefined();
    } else {
      // Where UTF-8 is fine, German keeps its letters: a test that would pass on ASCII alone proves nothing here.
      expect(text).toMatch(/[äöüß]/);
    }
  });
});

/** Text with the platform's comments removed: what the platform reads as configuration. */
function withoutComments(platform: PlatformId, text: string): string {
  const marker = platformInfo(platform).comment;
  const stripped =
    marker === 'xml'
      ? text.replace(/<!--[\s\S]*?-->/g, '')
      : text.replace(marker === '!' ? /^\s*!.*$/gm : /^\s*#.*$/gm, '');
  // The message a script stops with for a value not set is prose in the snippet's language.
  return stripped
    .replace(/(\$\{[A-Z0-9_]+:?\?)[^}"]*\}/g, '$1}')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/**
 * The few texts that stand outside comments (descriptions, messages the script
 * prints), German to English, so that what is left to compare is the rules.
 */
function englishInline(platform: PlatformId, text: string, ids: readonly string[]): string {
  const spell = (value: string) => (platformInfo(platform).asciiComments ? asciiSpelling(value) : value);
  const pairs: [string, string][] = [
    [DE.opnsenseCallFailed, EN.opnsenseCallFailed],
    [DE.opnsenseRefused, EN.opnsenseRefused],
    [DE.ufwIpv6Skipped, EN.ufwIpv6Skipped],
    ...(['OPN', 'KEY', 'SECRET'] as const).map((name): [string, string] => {
      const example = name === 'OPN' ? 'https://192.168.1.1' : undefined;
      return [DE.opnsenseSetVariable(name, example), EN.opnsenseSetVariable(name, example)];
    }),
  ];
  for (const direction of DIRECTIONS) {
    pairs.push([`(${DE.direction[direction]})`, `(${EN.direction[direction]})`]);
    for (const family of [4, 6] as const) {
      pairs.push([
        DE.vyosRulesetDescription(direction, family),
        EN.vyosRulesetDescription(direction, family),
      ]);
    }
    for (const id of ids)
      pairs.push([DE.windowsDescription(id, direction), EN.windowsDescription(id, direction)]);
  }
  return pairs.reduce((result, [de, en]) => result.replaceAll(spell(de), en), text);
}

describe('the German snippets hold the same rules as the English ones', () => {
  test('the German content describes the same rules, only in other words', () => {
    const shape = (input: SnippetInput) => ({
      ...input,
      lang: undefined,
      deployment: input.deployment.id,
      endpoints: input.endpoints.map(({ id, kind, hosts }) => ({ id, kind, hosts })),
      rules: input.rules.map(({ title: _title, source, destinations, ...rule }) => ({
        ...rule,
        source: source.id,
        destinations: destinations.map(({ id }) => id),
      })),
    });
    expect(germanInputs.map(shape)).toEqual(english.deployments.map((view) => shape(toSnippetInput(view))));
  });

  const rows = PLATFORM_IDS.flatMap((platform) =>
    english.deployments.flatMap((view) =>
      SETTINGS.map((settings) => ({ platform, deployment: view.id, view, settings })),
    ),
  );
  test.each(rows)('$platform, $deployment, $settings.name', async ({ platform, view, settings }) => {
    // The English content in both, so only the language of the snippet differs.
    const input = toSnippetInput(view);
    const inEnglish = await render(platform, input, settings.settings());
    const inGerman = await render(platform, { ...input, lang: 'de' }, settings.settings());
    expect(inGerman).not.toBe(inEnglish);
    const ids = input.rules.map((rule) => rule.id);
    expect(englishInline(platform, withoutComments(platform, inGerman), ids)).toBe(
      withoutComments(platform, inEnglish),
    );
  });
});

describe('German golden output', () => {
  const rows = (['nftables', 'cisco-ios'] as const).flatMap((platform) =>
    germanInputs.map((input) => ({ platform, deployment: input.deployment.id, input })),
  );
  test.each(rows)('$platform, $deployment', async ({ platform, deployment, input }) => {
    await expect(await render(platform, input, DEFAULT_SETTINGS)).toMatchFileSnapshot(
      `golden/de/${deployment}/${platform}.txt`,
    );
  });
});
