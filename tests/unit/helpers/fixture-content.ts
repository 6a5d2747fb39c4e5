import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

/**
 * A temporary content folder: the valid minimal content with the files of one
 * broken case (tests/fixtures/bad-content/<name>) laid over it.
 */
export function contentWithBrokenCase(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `port-content-${name}-`));
  cpSync(join(fixtures, 'minimal-content'), dir, { recursive: true });
  const broken = join(fixtures, 'bad-content', name);
  for (const file of readdirSync(broken)) cpSync(join(broken, file), join(dir, file));
  return dir;
}

export const minimalContentDir = join(fixtures, 'minimal-content');
