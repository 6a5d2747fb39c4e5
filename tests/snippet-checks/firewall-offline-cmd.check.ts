/**
 * The firewalld script, run by a real shell with `set -e` against firewalld's own
 * offline tool: each "firewall-cmd --permanent ARGS" runs as
 * "firewall-offline-cmd ARGS", which validates and writes the permanent
 * configuration exactly as the daemon does for "firewall-cmd --permanent"
 * (ipset types and entries, policy ingress and egress zones, rich rule
 * syntax). It runs in a throwaway mount and network namespace with an empty
 * tmpfs over /etc/firewalld, so the machine's configuration is never read or
 * changed; firewalld's default zones, services and icmp types come from
 * /usr/lib/firewalld as installed. After the script, `--check-config` reads
 * everything it wrote back from disk, as the reload at its end would.
 *
 * firewall-offline-cmd is a Python program that takes about half a second to
 * start, so every call runs in one interpreter (python-tool-server.py), which
 * keeps the configuration in memory between calls as the daemon does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CHECK_SETTINGS } from '../unit/helpers/snippet-cases';
import { problemAt, snippetLines } from './grammar-helpers';
import {
  commandPath,
  memoByText,
  missingPrograms,
  partMessages,
  pythonOf,
  runWithPythonTool,
} from './run-tool';
import type { SnippetCheck } from './types';

/** firewalld.conf(5): the daemon's settings; the offline tool warns and falls back to defaults without it. */
const CONF = '/etc/firewalld/firewalld.conf';
/** firewalld.zones(5): the zones firewalld ships, in the package's default configuration directory. */
const DEFAULT_ZONES = '/usr/lib/firewalld/zones';

/**
 * Zone names the personalisations give as inside or outside zone. They are the
 * admin's own zones, which exist on the admin's machine, so the check creates
 * them first (`--new-zone`, which also checks that firewalld can hold the name);
 * any other zone the script names must be one of firewalld's own.
 */
const ADMIN_ZONES = [
  ...new Set(
    CHECK_SETTINGS.flatMap((item) => {
      const settings = item.settings();
      return [settings.inside, settings.outside].filter((name) => name !== undefined);
    }),
  ),
].filter((name) => !existsSync(`${DEFAULT_ZONES}/${name}.xml`));

/** firewall-cmd(1): --permanent may stand anywhere among the options; --reload alone re-reads the permanent configuration. */
const FIREWALL_CMD = `if [ "$#" -eq 1 ] && [ "$1" = --reload ]; then exit 0; fi
permanent=no
for arg do
  shift
  if [ "$arg" = --permanent ]; then permanent=yes; else set -- "$@" "$arg"; fi
done
if [ "$permanent" = no ]; then
  echo "firewall-cmd $*: without --permanent this changes only the running firewall, and the reload at the end drops it" >&2
  exit 2
fi
tool "$@"`;

const MOUNT = 'mount -t tmpfs tmpfs /etc/firewalld && cp "$dir/firewalld.conf" /etc/firewalld/ || exit 91';

const snippetWords = (args: readonly string[]) => ['firewall-cmd', '--permanent', ...args];

function mentionsZone(text: string, zone: string): boolean {
  const escaped = zone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`zone=${escaped}(?![A-Za-z0-9_.:/-])`).test(text);
}

function checkFirewalld(text: string): string[] {
  const zones = ADMIN_ZONES.filter((zone) => mentionsZone(text, zone));
  const run = runWithPythonTool({
    program: commandPath('firewall-offline-cmd')!,
    serverOption: '--keep-firewall',
    snippet: text,
    files: { 'firewalld.conf': readFileSync(CONF, 'utf8') },
    commands: { 'firewall-cmd': FIREWALL_CMD },
    parts: [
      [MOUNT, 'set -e', ...zones.map((zone) => `tool --new-zone=${zone} >/dev/null`)].join('\n'),
      'set -e\n. "$snippet"',
      'tool --check-config >/dev/null',
    ],
  });
  if (run.failure) return [run.failure];
  const [prepare, script, reread] = run.parts;
  const lines = snippetLines(text);
  if (!prepare) return ['the namespace could not be prepared'];
  if (prepare.status !== 0) {
    const failed = prepare.calls.find((call) => call.status !== 0);
    if (!failed) return [`preparing the namespace failed: ${prepare.stderr.trim()}`];
    const zone = failed.args[0]!.replace('--new-zone=', '');
    const first = lines.find((line) => mentionsZone(line.text, zone));
    const problem = `the personalisation's zone "${zone}" cannot exist in firewalld (firewall-offline-cmd --new-zone): ${failed.stderr.trim()}`;
    return [first ? problemAt(first, problem) : problem];
  }
  if (!script) return ['the script did not run'];
  const messages = partMessages(script, text, { tool: 'firewall-offline-cmd', snippetWords });
  if (messages.length > 0 || !reread) return messages;
  return reread.status === 0 && reread.stderr.trim() === ''
    ? []
    : [
        `reading the written configuration back (firewall-offline-cmd --check-config): ${reread.stderr.trim()}`,
      ];
}

export const check: SnippetCheck = {
  name: 'firewall-offline-cmd',
  platforms: ['firewalld'],
  kind: 'tool',
  loadsValues: true,
  source:
    'firewall-offline-cmd (firewalld 1.3, Debian 12) for every "firewall-cmd --permanent" line, through sh with set -e, then --check-config',
  notChecked:
    "Nothing runs in a daemon or kernel: the permanent configuration is validated and written, not applied; the admin's own zones are assumed to exist; older firewalld releases (0.9 brought policies) may differ.",
  unavailable() {
    const missing = missingPrograms(['firewall-offline-cmd', 'unshare', 'mount']);
    if (missing) return missing;
    if (!existsSync(CONF)) return `${CONF} missing`;
    return pythonOf(commandPath('firewall-offline-cmd')!)
      ? undefined
      : 'cannot tell which Python runs firewall-offline-cmd';
  },
  check: memoByText(checkFirewalld),
  planted: [
    {
      // firewalld.policies(5), "Ingress Zones": HOST may not be mixed with regular zones (INVALID_ZONE).
      name: 'HOST added as a further ingress zone of pascom-out',
      platform: 'firewalld',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(
          /^(firewall-cmd [^\n#]*--policy=pascom-out --add-ingress-zone=\S+)$/m,
          '$1\nfirewall-cmd --permanent --policy=pascom-out --add-ingress-zone=HOST',
        ),
    },
    {
      name: 'egress zone that does not exist',
      platform: 'firewalld',
      deployment: 'onsite',
      plant: (text) => text.replace(/^(firewall-cmd [^\n#]*--add-egress-zone=)\S+/m, '$1nosuchzone'),
    },
    {
      name: 'IPv6 address in an IPv4 ipset',
      platform: 'firewalld',
      deployment: 'cloud',
      // The addresses of an IPv4 ipset, as the admin gives them (tests/snippet-checks/fill.ts), made IPv6.
      plant: (text) => text.replace(/^(PASCOM_[A-Z0-9_]+_V4=)'[^']*'/m, "$1'fd00::99'"),
    },
    {
      name: 'rich rule with a port beyond 65535',
      platform: 'firewalld',
      deployment: 'onsite',
      plant: (text) => text.replace(/^(firewall-cmd [^\n#]*port port=")\d+"/m, '$165536"'),
    },
    {
      name: 'runtime-only command (no --permanent)',
      platform: 'firewalld',
      deployment: 'onsite',
      plant: (text) => text.replace(/^firewall-cmd --permanent --policy=/m, 'firewall-cmd --policy='),
    },
  ],
};
