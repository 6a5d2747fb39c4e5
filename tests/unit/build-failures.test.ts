import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentWithBrokenCase } from './helpers/fixture-content';

/** Runs a real `astro build` against a content folder and returns its exit code and output. */
function build(contentDir: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'port-build-'));
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, PORT_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

// Astro's stock file() loader would only log these and build an empty table.
describe('npm run build stops on bad content', () => {
  test('a YAML syntax error fails the build, naming the file and line', () => {
    const { status, output } = build(contentWithBrokenCase('yaml-syntax'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/rules\.yaml \(line 5\): rule "sip-tls": YAML syntax error/);
  });

  test('a dangling device reference fails the build, naming file, rule and field', () => {
    const { status, output } = build(contentWithBrokenCase('dangling-device'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/rules\.yaml: rule "sip-tls": field "devices\[0\]": unknown device "fax"/);
  });

  test('a missing German text fails the build, naming the German file, the entry and the field or key', () => {
    // One build for both kinds of German text: content (de/rules.yaml) and interface (de/ui.yaml).
    const { status, output } = build(contentWithBrokenCase('de-missing-text'));
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /de\/rules\.yaml: rule "rtp-voice": field "purpose": has no German text; translate the English "Audio\."/,
    );
    expect(output).toMatch(
      /de\/ui\.yaml: text "filter\.clear": has no German text; add it \(English: "Clear filters"\)/,
    );
  });
});
