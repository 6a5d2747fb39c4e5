import { describe, expect, test } from 'vitest';
import { closingLine, collectSkips, isCi, skipVerdict } from '../../scripts/test-summary.mjs';

interface Skip {
  name: string;
  intended: boolean;
}
const collect = collectSkips as (vitest: unknown, playwright: unknown, cwd?: string) => Skip[];
const verdict = skipVerdict as (skips: Skip[], ci: boolean) => { lines: string[]; failures: number };

const vitestReport = {
  testResults: [
    {
      name: '/repo/tests/unit/snippet-checks.test.ts',
      assertionResults: [
        { status: 'passed', fullName: 'nft accepts the snippet' },
        { status: 'skipped', fullName: 'firewalld (skipped: firewall-offline-cmd is not installed) accepts' },
      ],
    },
  ],
};
const playwrightReport = {
  suites: [
    {
      specs: [],
      suites: [
        {
          specs: [
            {
              file: 'e2e/diagrams.spec.ts',
              title: 'the standalone file opens as a picture',
              tests: [
                { projectName: 'nginx', status: 'expected', annotations: [] },
                {
                  projectName: 'nginx-de',
                  status: 'skipped',
                  annotations: [{ type: 'skip', description: 'intended: English only' }],
                },
              ],
            },
            {
              file: 'e2e/check.spec.ts',
              title: 'the check reaches coturn',
              tests: [
                {
                  projectName: 'check',
                  status: 'skipped',
                  annotations: [{ type: 'skip', description: 'needs root' }],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('the test runner counts skips honestly', () => {
  test('every skip of both runners is found, with its reason', () => {
    const skips = collect(vitestReport, playwrightReport, '/repo');
    expect(skips).toEqual([
      {
        name: 'tests/unit/snippet-checks.test.ts › firewalld (skipped: firewall-offline-cmd is not installed) accepts',
        intended: false,
      },
      {
        name: '[nginx-de] e2e/diagrams.spec.ts › the standalone file opens as a picture (intended: English only)',
        intended: true,
      },
      { name: '[check] e2e/check.spec.ts › the check reaches coturn (needs root)', intended: false },
    ]);
  });

  test('under CI a skip not declared intended fails; elsewhere it is only named', () => {
    const skips = collect(vitestReport, playwrightReport, '/repo');
    expect(verdict(skips, true).failures).toBe(2);
    expect(verdict(skips, false).failures).toBe(0);
    expect(verdict(skips, false).lines.filter((line) => line.includes('[not intended]'))).toHaveLength(2);
    expect(
      verdict(
        skips.filter((skip) => skip.intended),
        true,
      ).failures,
    ).toBe(0);
  });

  test('CI is recognised as the CI services set it', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({})).toBe(false);
  });

  test('the closing line names skips beside passes and failures', () => {
    expect(closingLine(10, 1, 2)).toBe('10 passed, 1 failed, 2 skipped');
  });
});
