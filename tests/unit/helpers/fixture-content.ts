import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

/**
 * A temporary content folder: the valid minimal content with the files of one
 * broken case (tests/fixtures/bad-content/<name>) laid over it. A case may hold a
 * `de/` folder, whose files replace the German ones.
 */
export function contentWithBrokenCase(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `port-content-${name}-`));
  cpSync(join(fixtures, 'minimal-content'), dir, { recursive: true });
  const broken = join(fixtures, 'bad-content', name);
  for (const file of readdirSync(broken)) cpSync(join(broken, file), join(dir, file), { recursive: true });
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
  return dir;
}

export const minimalContentDir = join(fixtures, 'minimal-content');
