import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { ESLint } from 'eslint';

// The lint step of `npm test` (README, "Quality gates") is only worth its minutes if it fails on
// the mistakes it is there for. Each gate gets a planted fault here, and the same code without it.

describe('ESLint with the project configuration', () => {
  // The code is handed over in memory under the name of a fixture file, because the type-checked
  // rules need a file of a TypeScript project. That project holds the fixture alone, so the test
  // does not build the types of the whole site. Under CI=true typescript-eslint would assume a
  // single run and take the types from the file on disk instead of the code handed over, so the
  // planted fault would go unseen there; that guess is switched off.
  const eslint = new ESLint({
    ignore: false,
    overrideConfig: {
      languageOptions: {
        parserOptions: {
          projectService: false,
          project: './tests/fixtures/lint/tsconfig.json',
          disallowAutomaticSingleRunInference: true,
        },
      },
    },
  });
  const problems = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: 'tests/fixtures/lint/planted.ts' });
    return (result?.messages ?? []).map(({ ruleId, line }) => `${ruleId ?? 'parser'} (line ${line})`);
  };
  const save = 'declare function save(): Promise<void>;\n';

  test('reports a promise that nobody awaits', async () => {
    const code = `${save}export function run(): void {\n  save();\n}\n`;
    expect(await problems(code)).toEqual(['@typescript-eslint/no-floating-promises (line 3)']);
  });

  test('accepts the same code when the promise is awaited', async () => {
    const code = `${save}export async function run(): Promise<void> {\n  await save();\n}\n`;
    expect(await problems(code)).toEqual([]);
  });
});

test('knip reports an export that nothing imports', () => {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/knip/bin/knip.js',
      '--directory',
      'tests/fixtures/knip-unused-export',
      '--reporter',
      'json',
      '--no-progress',
    ],
    { encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(1);
  const report = JSON.parse(result.stdout) as {
    issues: { file: string; exports: { name: string }[] }[];
  };
  expect(report.issues.flatMap(({ file, exports }) => exports.map(({ name }) => `${file}: ${name}`))).toEqual(
    ['src/ports.ts: formatRange'],
  );
});
