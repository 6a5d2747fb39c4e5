import { PLATFORMS } from '../../src/lib/firewall/platforms';
import type { SnippetCheck } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/**
 * The README's table of how each platform's snippets are checked, made from the
 * checks themselves, so the table cannot promise a check that does not exist.
 */
export function checkTable(checks: readonly SnippetCheck[]): string {
  const rows = PLATFORMS.map((platform) => {
    const own = checks.filter((check) => check.platforms.includes(platform.id));
    const how = own.map((check) => `${check.kind === 'tool' ? 'Tool' : 'Grammar'}: ${cell(check.source)}`);
    const not = own.map((check) => cell(check.notChecked));
    return `| ${platform.label} | ${how.join('<br>')} | ${not.join('<br>')} |`;
  });
  return ['| Platform | How it is checked | What is not checked |', '| --- | --- | --- |', ...rows].join(
    '\n',
  );
}
