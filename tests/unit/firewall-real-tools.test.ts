/**
 * The iptables, ip6tables, nftables and ufw snippets are checked by the real
 * tools, each run inside a throwaway network namespace so the machine's own
 * firewall is never read or changed. A tool that is not installed skips its
 * tests with the reason; it never passes silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderIpv4, renderIpv6 } from '../../src/lib/firewall/iptables';
import { render as renderNftables } from '../../src/lib/firewall/nftables';
import { render as renderUfw } from '../../src/lib/firewall/ufw';
import { DEFAULT_SETTINGS } from '../../src/lib/firewall/settings';
import { loadContent } from './helpers/load-content';
import { SETTINGS_CASES, filterCases } from './helpers/snippet-cases';

const isRoot = process.getuid?.() === 0;
/** A new, empty network namespace: as root directly, otherwise inside a user namespace. */
const NAMESPACE = ['unshare', isRoot ? '-n' : '-rn'];

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

const workDir = mkdtempSync(join(tmpdir(), 'pascom-snippets-'));
let fileCount = 0;
function writeSnippet(text: string): string {
  fileCount += 1;
  const file = join(workDir, `snippet-${fileCount}.txt`);
  writeFileSync(file, text);
  return file;
}

/** Runs a command in a fresh network namespace; returns exit status and output. */
function inNamespace(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(NAMESPACE[0]!, [...NAMESPACE.slice(1), ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const checks = {
  'iptables-restore': (file: string) => inNamespace(['iptables-restore', '--test', '--noflush', file]),
  'iptables-legacy-restore': (file: string) =>
    inNamespace(['iptables-legacy-restore', '--test', '--noflush', file]),
  'ip6tables-restore': (file: string) => inNamespace(['ip6tables-restore', '--test', '--noflush', file]),
  'ip6tables-legacy-restore': (file: string) =>
    inNamespace(['ip6tables-legacy-restore', '--test', '--noflush', file]),
  nft: (file: string) => inNamespace(['nft', '-c', '-f', file]),
  // Every "ufw ..." line of the script runs as "ufw --dry-run ...", through a real shell so quoting is checked too.
  ufw: (file: string) =>
    inNamespace(['sh', '-c', 'ufw() { command ufw --dry-run "$@" >/dev/null; }; . "$1"', 'sh', file]),
} as const;

type Tool = keyof typeof checks;
const binaryOf: Record<Tool, string> = {
  'iptables-restore': 'iptables-restore',
  'iptables-legacy-restore': 'iptables-legacy-restore',
  'ip6tables-restore': 'ip6tables-restore',
  'ip6tables-legacy-restore': 'ip6tables-legacy-restore',
  nft: 'nft',
  ufw: 'ufw',
};
const missing = (tool: Tool) => !hasTool(binaryOf[tool]) || !hasTool('unshare');

const data = loadContent();
const cases = filterCases(data);

const generators = [
  { name: 'iptables', render: renderIpv4, tools: ['iptables-restore', 'iptables-legacy-restore'] as Tool[] },
  {
    name: 'ip6tables',
    render: renderIpv6,
    tools: ['ip6tables-restore', 'ip6tables-legacy-restore'] as Tool[],
  },
  { name: 'nftables', render: renderNftables, tools: ['nft'] as Tool[] },
];

for (const generator of generators) {
  for (const tool of generator.tools) {
    describe.skipIf(missing(tool))(
      `${generator.name} snippets pass ${tool}${missing(tool) ? ` (skipped: ${binaryOf[tool]} or unshare not installed)` : ''}`,
      () => {
        for (const settingsCase of SETTINGS_CASES) {
          test.each(cases)(`${settingsCase.name}: $name`, ({ input }) => {
            const result = checks[tool](writeSnippet(generator.render(input, settingsCase.settings())));
            expect(result.output).toBe('');
            expect(result.status).toBe(0);
          });
        }
      },
    );
  }
}

describe.skipIf(missing('ufw'))(
  `ufw snippets pass ufw --dry-run${missing('ufw') ? ' (skipped: ufw or unshare not installed)' : ''}`,
  () => {
    test.each(cases)('default settings: $name', ({ input }) => {
      const result = checks.ufw(writeSnippet(renderUfw(input, DEFAULT_SETTINGS)));
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    });
    test.each(cases.filter((item) => item.name.endsWith('all devices')))(
      'personalised: $name',
      ({ input }) => {
        const result = checks.ufw(writeSnippet(renderUfw(input, SETTINGS_CASES[1]!.settings())));
        expect(result.output).toBe('');
        expect(result.status).toBe(0);
      },
    );
  },
);

/** Each check must be able to fail: a snippet with a deliberate mistake is rejected. */
describe('the checks reject broken snippets', () => {
  const cloud = cases[0]!.input;
  const broken: [Tool, string][] = [
    ['iptables-restore', renderIpv4(cloud, DEFAULT_SETTINGS).replace('--dport 5061', '--dport 65536')],
    ['iptables-legacy-restore', renderIpv4(cloud, DEFAULT_SETTINGS).replace('-j ACCEPT', '-j ACCEPTED')],
    [
      'ip6tables-restore',
      renderIpv6(cloud, DEFAULT_SETTINGS).replace('-d 2001:db8::10/128', '-d 192.0.2.10/128'),
    ],
    ['ip6tables-legacy-restore', renderIpv6(cloud, DEFAULT_SETTINGS).replace('COMMIT', '')],
    ['nft', renderNftables(cloud, DEFAULT_SETTINGS).replace('dport 30000-35000', 'dport 35000-30000')],
    ['ufw', renderUfw(cloud, DEFAULT_SETTINGS).replace('port 30000:35000', 'port 30000:70000')],
  ];
  test.each(broken)('%s rejects a broken snippet', (tool, text) => {
    if (missing(tool)) {
      console.warn(`skipped: ${binaryOf[tool]} or unshare not installed`);
      return;
    }
    expect(checks[tool](writeSnippet(text)).status).not.toBe(0);
  });
});

describe('iptables and nftables rules never contain a hostname', () => {
  const hostname = /\b[a-z0-9-]+\.(?:pascom\.cloud|pascom\.net|mypascom\.net|ntp\.org|net|org|cloud)\b/;
  const ruleLines = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  for (const settingsCase of SETTINGS_CASES) {
    test.each(cases)(`${settingsCase.name}: $name`, ({ input }) => {
      for (const render of [renderIpv4, renderIpv6, renderNftables]) {
        for (const line of ruleLines(render(input, settingsCase.settings())))
          expect(line).not.toMatch(hostname);
      }
    });
  }
});
