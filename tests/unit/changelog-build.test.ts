import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { contentWithBrokenCase } from './helpers/fixture-content';

// The changelog is checked against the rules while pages are rendered, not while
// collections load, so these run a real build to prove the wiring stops it.
test.each([
  [
    'changelog-unknown-rule',
    /changelog\.yaml: changelog entry "2026\.11\.27\.1": field "changes\[0\]\.rules\[0\]": unknown rule "sip-tsl"/,
  ],
  ['changelog-rule-not-announced', /changelog\.yaml: rule "rtp-voice" is not recorded as added in any entry/],
])('a build with the broken case %s fails, naming file, entry and field', (caseName, message) => {
  const outDir = mkdtempSync(join(tmpdir(), 'port-build-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: {
      ...process.env,
      PORT_CONTENT_DIR: contentWithBrokenCase(caseName),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(result.status).not.toBe(0);
  expect(`${result.stdout}\n${result.stderr}`).toMatch(message);
});
