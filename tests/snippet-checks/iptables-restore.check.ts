/**
 * The iptables-restore file, read by both iptables back ends in test mode
 * (`--test --noflush`: parse and check every line, load nothing), inside a
 * throwaway network namespace so the machine's own rules are never read or
 * changed. The nf_tables back end takes an unknown target for a chain it may
 * create later; the legacy back end loads every target, so the two together
 * catch more than either.
 */
import { restoreCheck } from './restore-check';

export const check = restoreCheck({
  name: 'iptables-restore --test',
  platform: 'iptables',
  tools: ['iptables-restore', 'iptables-legacy-restore'],
  planted: [
    {
      name: 'port beyond 65535',
      deployment: 'cloud',
      plant: (text) => text.replace('--dport 5061', '--dport 65536'),
    },
    {
      name: 'unknown target (the legacy back end loads every target)',
      deployment: 'cloud',
      plant: (text) => text.replace('-j ACCEPT', '-j ACCEPTED'),
    },
  ],
});
