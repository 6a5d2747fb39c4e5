/**
 * iptables, ip6tables and nftables resolve a hostname once, when the rule is
 * loaded, and never again, so their rules must name addresses only. The real
 * tools run on every snippet in the snippet checks (tests/snippet-checks), but
 * there a hostname fails only as "not found" in a namespace without DNS, or
 * passes where /etc/hosts knows it; this test names the fault itself.
 */
import { describe, expect, test } from 'vitest';
import { loadGenerator } from '../../src/lib/firewall/generator';
import { loadContent } from './helpers/load-content';
import { CHECK_SETTINGS, filterCases } from './helpers/snippet-cases';

const cases = filterCases(loadContent());
const hostname = /\b[a-z0-9-]+\.(?:pascom\.cloud|pascom\.net|mypascom\.net|ntp\.org|net|org|cloud)\b/;
const ruleLines = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe('iptables, ip6tables and nftables rules never contain a hostname', () => {
  for (const settings of CHECK_SETTINGS) {
    test.each(cases)(`${settings.name}: $name`, async ({ input }) => {
      for (const platform of ['iptables', 'ip6tables', 'nftables'] as const) {
        const render = await loadGenerator(platform);
        for (const line of ruleLines(render(input, settings.settings()))) {
          expect(line, `${platform} rule names a host`).not.toMatch(hostname);
        }
      }
    });
  }
});
