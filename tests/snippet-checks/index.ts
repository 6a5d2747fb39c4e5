import { PLATFORM_IDS, type PlatformId } from '../../src/lib/firewall/platforms';
import type { SnippetCheck } from './types';

/**
 * Every platform's check, one file each: `<platform>.check.ts` exporting `check`.
 * Found by file name, so adding a platform's check needs no edit here.
 */
const modules = import.meta.glob<{ check: SnippetCheck }>('./*.check.ts', { eager: true });

export const CHECKS: SnippetCheck[] = Object.values(modules)
  .map((module) => module.check)
  .sort((a, b) => PLATFORM_IDS.indexOf(a.platform) - PLATFORM_IDS.indexOf(b.platform));

export function checkFor(platform: PlatformId): SnippetCheck | undefined {
  return CHECKS.find((check) => check.platform === platform);
}
