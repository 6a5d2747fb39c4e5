/**
 * The shell-script snippets (ufw, firewalld, OPNsense), read by ShellCheck as
 * POSIX sh, every finding from error down to style. Beyond the default checks it
 * enables the optional ones that matter for a script that relies on `set -e`
 * (a failing command must stop it) and on the admin's environment variables.
 */
import { spawnSync } from 'node:child_process';
import { problemAt, snippetLines } from './grammar-helpers';
import { memoByText, missingPrograms, spawnFailure } from './run-tool';
import type { SnippetCheck } from './types';

/**
 * `shellcheck --list-optional`: check-set-e-suppressed (SC2310/SC2311, set -e
 * does not apply inside a function called in a condition), check-extra-masked-returns
 * (SC2312, a failure hidden in a command substitution), check-unassigned-uppercase
 * (SC2154 for KEY, SECRET...), avoid-nullary-conditions (SC2244),
 * quote-safe-variables (SC2248), deprecate-which (SC2230).
 */
const OPTIONAL = [
  'check-set-e-suppressed',
  'check-extra-masked-returns',
  'check-unassigned-uppercase',
  'avoid-nullary-conditions',
  'quote-safe-variables',
  'deprecate-which',
];

/** One finding of `shellcheck -f json1` (ShellCheck's `Formatter/JSON1.hs`). */
interface Finding {
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/**
 * Every ShellCheck finding in a script, read as `shell` (`sh` for the firewall
 * snippets, `bash` for the check scripts, which need bash's /dev/tcp).
 */
export function shellcheckFindings(text: string, shell: 'sh' | 'bash' = 'sh'): string[] {
  const result = spawnSync(
    'shellcheck',
    [`--shell=${shell}`, '--severity=style', `--enable=${OPTIONAL.join(',')}`, '--format=json1', '-'],
    { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const failure = spawnFailure(result);
  if (failure) return [`shellcheck: ${failure}`];
  if (result.status !== 0 && result.status !== 1) return [`shellcheck: ${result.stderr.trim()}`];
  const lines = snippetLines(text);
  const { comments } = JSON.parse(result.stdout) as { comments: Finding[] };
  return comments.map((finding) => {
    const problem = `shellcheck SC${finding.code} (${finding.level}, column ${finding.column}): ${finding.message}`;
    const line = lines[finding.line - 1];
    return line ? problemAt(line, problem) : problem;
  });
}

export const check: SnippetCheck = {
  name: 'shellcheck',
  platforms: ['ufw', 'firewalld', 'opnsense'],
  kind: 'tool',
  source: `shellcheck -s sh -S style (ShellCheck 0.9), with ${OPTIONAL.join(', ')}`,
  notChecked:
    'Static reading only: whether each command the script runs (ufw, firewall-cmd, curl against the OPNsense API) accepts its arguments is for the platform checks.',
  unavailable: () => missingPrograms(['shellcheck']),
  check: memoByText((text) => shellcheckFindings(text)),
  planted: [
    {
      name: 'quote left open',
      platform: 'ufw',
      deployment: 'cloud',
      plant: (text) => text.replace(/^(\s*ufw .*comment ')(.*)'$/m, '$1$2'),
    },
    {
      name: 'unquoted expansion that word-splits (SC2086)',
      platform: 'opnsense',
      deployment: 'onsite',
      plant: (text) => text.replace('-u "$KEY:$SECRET"', '-u $KEY:$SECRET'),
    },
    {
      name: 'command substitution in backticks with an unquoted expansion',
      platform: 'firewalld',
      deployment: 'cloud',
      plant: (text) =>
        text.replace(/^set -e$/m, 'set -e\nzone=`firewall-cmd --get-default-zone`\necho $zone'),
    },
  ],
};
