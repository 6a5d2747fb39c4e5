import type { PlatformId } from '../../src/lib/firewall/platforms';
import type { SnippetCheck } from './types';

/**
 * Every independent check, one file each: `<name>.check.ts` exporting `check`.
 * Found by file name, so adding a check needs no edit here.
 */
const modules = import.meta.glob<{ check: SnippetCheck }>('./*.check.ts', { eager: true });

export const CHECKS: SnippetCheck[] = Object.values(modules)
  .map((module) => module.check)
  .sort((a, b) => a.name.localeCompare(b.name));

/** The checks that read a platform's snippets. */
export function checksFor(platform: PlatformId): SnippetCheck[] {
  return CHECKS.filter((check) => check.platforms.includes(platform));
}
