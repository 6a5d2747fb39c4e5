/**
 * What the iptables and ip6tables checks share: the same restore file read by
 * each back end's `*-restore --test --noflush` in a throwaway network namespace.
 */
import type { PlatformId } from '../../src/lib/firewall/platforms';
import { memoByText, missingPrograms, namespacedToolMessages, withTempFile } from './run-tool';
import type { PlantedFault, SnippetCheck } from './types';

export function restoreCheck(options: {
  name: string;
  platform: PlatformId;
  tools: readonly string[];
  planted: Omit<PlantedFault, 'platform'>[];
}): SnippetCheck {
  return {
    name: options.name,
    platforms: [options.platform],
    kind: 'tool',
    loadsValues: true,
    source: `${options.tools.join(' and ')} --test --noflush (iptables 1.8, nf_tables and legacy back ends)`,
    notChecked:
      'Nothing is loaded into a kernel: test mode checks the syntax, the matches and targets it can load and the table structure, not whether the rules do what the comments say.',
    unavailable: () => missingPrograms([...options.tools, 'unshare']),
    check: memoByText((text) =>
      withTempFile(text, 'snippet.rules', (file) =>
        options.tools.flatMap((tool) => namespacedToolMessages(tool, ['--test', '--noflush'], text, file)),
      ),
    ),
    planted: options.planted.map((fault) => ({ ...fault, platform: options.platform })),
  };
}
