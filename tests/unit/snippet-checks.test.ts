/**
 * Every platform's snippets pass that platform's independent check (its real
 * tool, or a grammar written from the vendor's definitions) on every tab, every
 * device filter and every personalisation; and every check rejects the faults
 * planted for it, so none of them can pass by accident.
 */
import { describe, expect, test } from 'vitest';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { PLATFORM_IDS } from '../../src/lib/firewall/platforms';
import { CHECKS, checkFor } from '../snippet-checks';
import { loadContent } from './helpers/load-content';
import { CHECK_SETTINGS, filterCases } from './helpers/snippet-cases';

const cases = filterCases(loadContent());

test.each(PLATFORM_IDS)('%s has an independent check', (platform) => {
  expect(checkFor(platform), `no tests/snippet-checks/${platform}.check.ts`).toBeDefined();
});

for (const check of CHECKS) {
  const why = check.unavailable();
  describe.skipIf(why !== undefined)(
    `${check.platform} snippets pass ${check.kind === 'tool' ? check.source : 'its grammar check'}${why ? ` (skipped: ${why})` : ''}`,
    () => {
      const rows = CHECK_SETTINGS.flatMap((settings) => cases.map((item) => ({ ...item, settings })));
      test.each(rows)('$settings.name: $name', async ({ input, settings }) => {
        const text = (await loadGenerator(check.platform))(input, settings.settings());
        expect(check.check(text)).toEqual([]);
      });
      const planted = check.planted.map((fault) => ({ ...fault, label: fault.name }));
      test.each(planted)('rejects a planted fault: $label', async (fault) => {
        const input = cases.find((item) => item.name === `${fault.deployment}, all devices`)!.input;
        const good = (await loadGenerator(check.platform))(input, CHECK_SETTINGS[0]!.settings());
        const bad = fault.plant(good);
        expect(bad, 'the fault must change the snippet').not.toBe(good);
        expect(check.check(bad)).not.toEqual([]);
      });
    },
  );
}
