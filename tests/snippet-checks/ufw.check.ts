/**
 * The ufw script, run by a real shell with `set -e` against the real ufw: every
 * "ufw ..." line runs as "ufw --dry-run ...", which parses and checks the rule
 * exactly as adding it would, and changes nothing. It runs twice, in a throwaway
 * mount and network namespace: once with IPv6 on (IPV6=yes in /etc/default/ufw,
 * ufw's default) and once with IPv6 off (IPV6=no), where ufw refuses every IPv6
 * rule ("IPv6 support not enabled"), so a script must skip them there.
 *
 * ufw is a Python program that takes a good part of a second to start, so every
 * call runs in one interpreter (python-tool-server.py), which executes ufw's own
 * script once per call as its command line would; a dry run keeps nothing
 * between calls, and each reads /etc/default/ufw and the rules files afresh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIPv6, problemAt, snippetLines } from './grammar-helpers';
import {
  commandPath,
  lineOfWords,
  memoByText,
  missingPrograms,
  partMessages,
  pythonOf,
  runWithPythonTool,
  type ToolCall,
} from './run-tool';
import type { SnippetCheck } from './types';

/** ufw reads this file on every run; its IPV6 setting decides whether ufw takes IPv6 rules at all. */
const DEFAULTS = '/etc/default/ufw';

/** /etc/default/ufw with IPV6 set to `value`, everything else as installed. */
function defaultsWith(value: 'yes' | 'no'): string {
  const text = readFileSync(DEFAULTS, 'utf8');
  return /^IPV6=/m.test(text) ? text.replace(/^IPV6=.*$/gm, `IPV6=${value}`) : `${text}\nIPV6=${value}\n`;
}

/** The part of the run that sources the snippet with ufw's IPv6 set by the bind-mounted defaults file. */
function sourceWith(defaults: string): string {
  return [
    `umount ${DEFAULTS} 2>/dev/null; mount --bind "$dir/${defaults}" ${DEFAULTS} || exit 91`,
    'set -e',
    '. "$snippet"',
  ].join('\n');
}

/** An address argument of the IPv6 family: ufw(8) "from ADDRESS", "to ADDRESS", with or without a prefix. */
const isIPv6Argument = (arg: string) => isIPv6(arg.replace(/\/\d{1,3}$/, ''));
const snippetWords = (args: readonly string[]) => ['ufw', ...args.slice(1)];

function checkUfw(text: string): string[] {
  const program = commandPath('ufw')!;
  const run = runWithPythonTool({
    program,
    snippet: text,
    files: { 'ufw-ipv6-yes': defaultsWith('yes'), 'ufw-ipv6-no': defaultsWith('no') },
    commands: { ufw: 'tool --dry-run "$@" >/dev/null' },
    parts: [sourceWith('ufw-ipv6-yes'), sourceWith('ufw-ipv6-no')],
  });
  if (run.failure) return [run.failure];
  const [withIPv6, withoutIPv6] = run.parts;
  if (!withIPv6) return ['the script did not run'];
  const messages = partMessages(withIPv6, text, { tool: 'ufw --dry-run', snippetWords });
  if (messages.length > 0) return messages;
  if (!withoutIPv6) return ['the run with IPV6=no did not start'];
  // With IPV6=no the script may tell the admin that it skipped the IPv6 rules.
  const off = partMessages(withoutIPv6, text, { tool: 'ufw --dry-run', snippetWords, notices: true });
  if (off.length > 0) return off.map((message) => `with IPV6=no in ${DEFAULTS}: ${message}`);
  return sameIPv4Rules(text, withIPv6.calls, withoutIPv6.calls);
}

/** With IPv6 off, exactly the rules without an IPv6 address still run, in the same order. */
function sameIPv4Rules(text: string, withIPv6: ToolCall[], withoutIPv6: ToolCall[]): string[] {
  const key = (call: ToolCall) => JSON.stringify(call.args);
  const expected = withIPv6.filter((call) => !call.args.some(isIPv6Argument)).map(key);
  const actual = withoutIPv6.map(key);
  if (expected.join('\n') === actual.join('\n')) return [];
  const lines = snippetLines(text);
  const describe = (args: string[], problem: string) => {
    const found = lineOfWords(lines, snippetWords(args));
    return found === -1 ? `ufw ${args.slice(1).join(' ')}: ${problem}` : problemAt(lines[found]!, problem);
  };
  const missing = expected.filter((call) => !actual.includes(call));
  const extra = actual.filter((call) => !expected.includes(call));
  return [
    ...missing.map((call) =>
      describe(JSON.parse(call) as string[], `with IPV6=no this rule (no IPv6 address) did not run`),
    ),
    ...extra.map((call) =>
      describe(JSON.parse(call) as string[], 'with IPV6=no this rule ran, but not with IPv6 on'),
    ),
    ...(missing.length + extra.length === 0 ? ['with IPV6=no the rules ran in another order'] : []),
  ];
}

/** A top-level IPv6 rule with no guard, as a script that ignores IPV6=no would have. */
const UNGUARDED_IPV6_RULE =
  "ufw allow in proto tcp from any to 2001:db8::99 port 5061 comment 'pascom planted: IPv6 rule without a guard'";

export const check: SnippetCheck = {
  name: 'ufw --dry-run',
  platforms: ['ufw'],
  kind: 'tool',
  loadsValues: true,
  source:
    'ufw --dry-run (Debian ufw 0.36), each rule of the script through sh with set -e, with IPV6=yes and IPV6=no in /etc/default/ufw',
  notChecked:
    'Rules are not loaded into a kernel; the installed ufw version judges them, older ufw releases may differ.',
  unavailable() {
    const missing = missingPrograms(['ufw', 'unshare', 'mount']);
    if (missing) return missing;
    if (!existsSync(DEFAULTS)) return `${DEFAULTS} missing`;
    return pythonOf(commandPath('ufw')!) ? undefined : 'cannot tell which Python runs ufw';
  },
  check: memoByText(checkUfw),
  planted: [
    {
      name: 'port range beyond 65535',
      platform: 'ufw',
      deployment: 'cloud',
      plant: (text) => text.replace('port 30000:35000', 'port 30000:70000'),
    },
    {
      name: 'unknown action (ufw(8) RULE SYNTAX: allow, deny, reject, limit)',
      platform: 'ufw',
      deployment: 'onsite',
      plant: (text) => text.replace(/^(\s*)ufw allow /m, '$1ufw permit '),
    },
    {
      // The script must skip its IPv6 rules when ufw has IPv6 off: with the guard
      // (any "if ...ipv6...; then" condition) made always true, or without any
      // guard, the first IPv6 rule fails and set -e stops the script.
      name: 'IPv6 rule that runs with IPV6=no',
      platform: 'ufw',
      deployment: 'cloud',
      plant: (text) => {
        const unguarded = text
          .replace(/\b(if|elif)\s+([^;\n]*ipv6[^;\n]*);\s*then\b/gi, '$1 true; then')
          .replace(/^(\s*)[^\n#]*ipv6[^\n]*?&&\s*(ufw\s)/gim, '$1$2');
        if (unguarded !== text) return unguarded;
        return /^set -e$/m.test(text)
          ? text.replace(/^set -e$/m, `set -e\n${UNGUARDED_IPV6_RULE}`)
          : `${text}${UNGUARDED_IPV6_RULE}\n`;
      },
    },
  ],
};
