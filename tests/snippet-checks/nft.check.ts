/**
 * The nftables file, read by `nft -c -f` (check mode: parse and evaluate every
 * command against the kernel's nf_tables, commit nothing), inside a throwaway
 * network namespace so the machine's own ruleset is never read or changed.
 */
import { memoByText, missingPrograms, namespacedToolMessages, withTempFile } from './run-tool';
import type { SnippetCheck } from './types';

export const check: SnippetCheck = {
  name: 'nft -c',
  platforms: ['nftables'],
  kind: 'tool',
  loadsValues: true,
  source: 'nft -c -f (nftables 1.0, Debian 12)',
  notChecked:
    'Nothing is committed: check mode parses and evaluates the commands (names, types, ranges, set elements), not whether the rules do what the comments say.',
  unavailable: () => missingPrograms(['nft', 'unshare']),
  check: memoByText((text) =>
    withTempFile(text, 'snippet.nft', (file) => namespacedToolMessages('nft', ['-c', '-f'], text, file)),
  ),
  planted: [
    {
      name: 'port range with its bounds swapped',
      platform: 'nftables',
      deployment: 'cloud',
      plant: (text) => text.replace('dport 30000-35000', 'dport 35000-30000'),
    },
    {
      name: 'unknown statement',
      platform: 'nftables',
      deployment: 'onsite',
      plant: (text) => text.replace(/^(add rule .*) accept\b/m, '$1 acept'),
    },
  ],
};
