/**
 * The ip6tables-restore file, read by both ip6tables back ends in test mode
 * (`--test --noflush`: parse and check every line, load nothing), inside a
 * throwaway network namespace so the machine's own rules are never read or
 * changed.
 */
import { restoreCheck } from './restore-check';

export const check = restoreCheck({
  name: 'ip6tables-restore --test',
  platform: 'ip6tables',
  tools: ['ip6tables-restore', 'ip6tables-legacy-restore'],
  planted: [
    {
      name: 'IPv4 address in an IPv6 rule',
      deployment: 'cloud',
      // The addresses as the admin gives them (tests/snippet-checks/fill.ts), one made IPv4.
      plant: (text) => text.replace(/-d fd00:9::1,fd00:9::2/, '-d 10.9.0.1/32'),
    },
    {
      name: 'table without COMMIT',
      deployment: 'cloud',
      plant: (text) => text.replace(/^COMMIT$/m, ''),
    },
  ],
});
