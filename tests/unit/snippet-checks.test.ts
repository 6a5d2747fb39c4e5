/**
 * Every platform's snippets pass that platform's independent checks (its real
 * tool, or a grammar written from the vendor's definitions) on every tab, every
 * device filter and every personalisation; and every check rejects the faults
 * planted for it, so none of them can pass by accident. The German snippets
 * pass them too: every tab with all devices, published and personalised, since
 * only their comments and descriptions differ from the English ones.
 */
import { describe, expect, test } from 'vitest';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { PLATFORM_IDS } from '../../src/lib/firewall/platforms';
import { CHECKS, checksFor } from '../snippet-checks';
import { fillSnippet } from '../snippet-checks/fill';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { loadContent, loadGermanContent } from './helpers/load-content';
import { CHECK_SETTINGS, filterCases } from './helpers/snippet-cases';

const cases = filterCases(loadContent());

/** German, all devices of each tab, with the settings that change the German text most. */
const germanCases = loadGermanContent().deployments.map((view) => ({
  name: `${view.id}, all devices, German`,
  input: toSnippetInput(view, undefined, 'de'),
}));
const GERMAN_SETTINGS = CHECK_SETTINGS.filter(({ name }) =>
  ['none', 'IPv4 only', 'custom interfaces'].includes(name),
);

test.each(PLATFORM_IDS)('%s has an independent check', (platform) => {
  expect(
    checksFor(platform).map((check) => check.name),
    `no check names ${platform}`,
  ).not.toEqual([]);
});

for (const check of CHECKS) {
  const why = check.unavailable();
  describe.skipIf(why !== undefined)(`${check.name}${why ? ` (skipped: ${why})` : ''}`, () => {
    const rows = check.platforms.flatMap((platform) => [
      ...CHECK_SETTINGS.flatMap((settings) => cases.map((item) => ({ ...item, platform, settings }))),
      ...GERMAN_SETTINGS.flatMap((settings) => germanCases.map((item) => ({ ...item, platform, settings }))),
    ]);
    test.each(rows)('$platform, $settings.name: $name', async ({ platform, input, settings }) => {
      const text = fillSnippet(platform, (await loadGenerator(platform))(input, settings.settings()));
      expect(check.check(text)).toEqual([]);
    });
    test.each(check.planted.map((fault) => ({ ...fault, label: `${fault.platform}: ${fault.name}` })))(
      'rejects a planted fault: $label',
      async (fault) => {
        const input = cases.find((item) => item.name === `${fault.deployment}, all devices`)!.input;
        const good = fillSnippet(
          fault.platform,
          (await loadGenerator(fault.platform))(input, CHECK_SETTINGS[0]!.settings()),
        );
        expect(check.check(good), 'the unbroken snippet must pass').toEqual([]);
        const bad = fault.plant(good);
        expect(bad, 'the fault must change the snippet').not.toBe(good);
        expect(check.check(bad)).not.toEqual([]);
      },
    );
  });
}

/**
 * Never an inert ruleset: where the platform loads the snippet (its real tool),
 * a snippet whose values are not given is refused, with a message naming the
 * value, and the same snippet filled in as its header says is accepted.
 */
for (const check of CHECKS.filter((item) => item.loadsValues === true)) {
  const why = check.unavailable();
  describe.skipIf(why !== undefined)(
    `${check.name}: values not given${why ? ` (skipped: ${why})` : ''}`,
    () => {
      const rows = check.platforms.flatMap((platform) =>
        cases
          .filter((item) => item.name.endsWith('all devices'))
          .map((item) => ({ ...item, platform, label: `${platform}, ${item.name}` })),
      );
      test.each(rows)(
        '$label: refused unfilled, naming the value; accepted filled',
        async ({ platform, input }) => {
          const text = (await loadGenerator(platform))(input, CHECK_SETTINGS[0]!.settings());
          const problems = check.check(text);
          expect(problems.join('\n')).toMatch(/PASCOM_[A-Z0-9_]+_V[46]/);
          expect(check.check(fillSnippet(platform, text))).toEqual([]);
        },
      );
    },
  );
}
