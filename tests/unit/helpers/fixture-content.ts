import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const germanUiTexts = join(import.meta.dirname, '..', '..', '..', 'content', 'de', 'ui.yaml');

/**
 * The interface texts do not depend on the content, so a fixture folder gets the
 * project's own German ones (content/de/ui.yaml), with the keys listed in the
 * folder's `de/ui-without.txt`, if there is one, left out.
 */
function addGermanUiTexts(dir: string): void {
  const without = join(dir, 'de', 'ui-without.txt');
  const dropped = existsSync(without) ? readFileSync(without, 'utf8').split(/\s+/).filter(Boolean) : [];
  const lines = readFileSync(germanUiTexts, 'utf8')
    .split('\n')
    .filter((line) => !dropped.some((key) => line.startsWith(`${key}:`)));
  writeFileSync(join(dir, 'de', 'ui.yaml'), lines.join('\n'));
}

/**
 * A temporary content folder: the valid minimal content with the files of one
 * broken case (tests/fixtures/bad-content/<name>) laid over it. A case may hold a
 * `de/` folder, whose files replace the German ones, and the German interface texts.
 */
export function contentWithBrokenCase(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `port-content-${name}-`));
  cpSync(join(fixtures, 'minimal-content'), dir, { recursive: true });
  const broken = join(fixtures, 'bad-content', name);
  for (const file of readdirSync(broken)) cpSync(join(broken, file), join(dir, file), { recursive: true });
  addGermanUiTexts(dir);
  return dir;
}

/**
 * A temporary copy of the minimal content with one German file edited: `from` is
 * replaced by `to` in `de/<file>`. Throws when `from` is not in the file, so a
 * planted fault can never silently miss its target.
 */
export function contentWithGermanEdit(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'port-content-de-'));
  cpSync(join(fixtures, 'minimal-content'), dir, { recursive: true });
  const path = join(dir, 'de', file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`de/${file} of the minimal content has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
  addGermanUiTexts(dir);
  return dir;
}

export const minimalContentDir = join(fixtures, 'minimal-content');
