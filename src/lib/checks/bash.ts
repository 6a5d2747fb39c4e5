/**
 * The check script for Linux and macOS: bash, with only what a stock Debian,
 * Ubuntu or macOS has. TCP connects through bash's own /dev/tcp; TLS needs
 * openssl, HTTP(S) needs curl, and a check whose tool is missing says so.
 * macOS has no timeout(1), so the script limits slow commands itself.
 */
import { commentBlock, shellQuote } from '../firewall/text';
import { checkHeader, modeCommand } from './frame';
import type { CheckMode, CheckPlan, CheckTarget } from './plan';
import { fillNow, templateParts } from './template';
import { checkVariant } from './variants';

/** A sentence as a bash word: literal pieces in single quotes, slots as quoted variables. */
function word(text: string, variables: Readonly<Record<string, string>> = {}): string {
  return templateParts(text)
    .map((part) => ('slot' in part ? `"$${variables[part.slot] ?? part.slot}"` : shellQuote(part.text)))
    .join('');
}

function targetWord(target: CheckTarget): string {
  return target.kind === 'address' ? '"$target"' : shellQuote(target.host);
}

/** The functions every script shares; their messages come from the plan's texts. */
function functions(plan: CheckPlan): string[] {
  const { texts } = plan;
  const notes = texts.codeNotes;
  return [
    `# ${notes.limited}`,
    'limited() {',
    '  local limit=$(($1 * 10)) waited=0 pid',
    '  shift',
    '  "$@" &',
    '  pid=$!',
    '  while kill -0 "$pid" 2>/dev/null; do',
    '    if [ "$waited" -ge "$limit" ]; then',
    '      kill "$pid" 2>/dev/null',
    '      wait "$pid" 2>/dev/null',
    '      return 124',
    '    fi',
    '    sleep 0.1',
    '    waited=$((waited + 1))',
    '  done',
    '  wait "$pid"',
    '}',
    '',
    'lookup() {',
    '  if command -v getent >/dev/null 2>&1; then',
    '    getent hosts "$1" >/dev/null',
    '  elif command -v host >/dev/null 2>&1; then',
    '    host "$1" >/dev/null 2>&1',
    '  elif command -v nslookup >/dev/null 2>&1; then',
    '    nslookup "$1" >/dev/null 2>&1',
    '  else',
    '    return 3',
    '  fi',
    '}',
    '',
    'dns() {',
    '  resolved=yes',
    '  case $1 in',
    '    *:*) return 0 ;;',
    '    *[!0-9.]*) ;;',
    '    *) return 0 ;;',
    '  esac',
    '  lookup "$1"',
    '  case $? in',
    `    0) say "DNS $1: "${word(texts.resolves)} ;;`,
    `    3) say "DNS $1: "${word(`${texts.couldNotTest} (${texts.missingTool('getent/host/nslookup')})`)} ;;`,
    '    *)',
    '      resolved=no',
    '      failed=$((failed + 1))',
    `      say "DNS $1: "${word(`${texts.doesNotResolve} - ${texts.dnsAdvice}`)}`,
    '      ;;',
    '  esac',
    '}',
    '',
    `# ${notes.indirect}`,
    '# shellcheck disable=SC2317',
    'tcp_open() { exec 3<>"/dev/tcp/$1/$2"; }',
    '',
    'probe() {',
    '  local endpoint="$2:$3"',
    '  case $2 in *:*) endpoint="[$2]:$3" ;; esac',
    '  case $1 in',
    '    tcp) limited 5 tcp_open "$2" "$3" 2>/dev/null ;;',
    '    tls)',
    '      command -v openssl >/dev/null 2>&1 || return 3',
    `      # ${notes.sni}`,
    '      case $2 in',
    '        *:* | *[!0-9.]*) ;;',
    '        *) limited 10 openssl s_client -connect "$endpoint" </dev/null >/dev/null 2>&1; return ;;',
    '      esac',
    '      limited 10 openssl s_client -connect "$endpoint" -servername "$2" </dev/null >/dev/null 2>&1',
    '      ;;',
    '    *)',
    '      command -v curl >/dev/null 2>&1 || return 3',
    '      curl -sS -o /dev/null --connect-timeout 5 --max-time 10 "$1://$endpoint/" >/dev/null 2>&1',
    '      ;;',
    '  esac',
    '}',
    '',
    'check() {',
    '  local line="$1 $2 $3 $4" status',
    '  if [ "$6" != yes ]; then',
    '    untested=$((untested + 1))',
    `    say "$line: "${word(`${texts.couldNotTest} (${texts.unresolved})`)}`,
    '    return',
    '  fi',
    '  probe "$3" "$4" "$5"',
    '  status=$?',
    '  case $status in',
    `    0) reached=$((reached + 1)); say "$line: "${word(texts.reachable)} ;;`,
    '    3)',
    '      untested=$((untested + 1))',
    `      if [ "$3" = tls ]; then tool=${word(texts.missingTool('openssl'))}; else tool=${word(texts.missingTool('curl'))}; fi`,
    `      say "$line: "${word(texts.couldNotTest)}" ($tool)"`,
    '      ;;',
    `    *) failed=$((failed + 1)); say "$line: "${word(texts.blocked)}" - $7" ;;`,
    '  esac',
    '}',
  ];
}

function modeBlock(plan: CheckPlan, mode: CheckMode): string[] {
  const { texts } = plan;
  const lines = [`if [ "$mode" = ${mode.direction} ]; then`];
  if (mode.address.needed) {
    const needs = fillNow(texts.needsAddress(mode.direction, plan.deployment.id), {
      command: modeCommand(plan, mode, 'linux-macos'),
    });
    lines.push(
      `  target=\${address:-${mode.address.default === undefined ? '' : shellQuote(mode.address.default)}}`,
      '  if [ -z "$target" ]; then',
      `    say ${word(needs)} >&2`,
      '    exit 2',
      '  fi',
    );
    if (mode.direction === 'outbound') {
      lines.push(
        `  # ${texts.codeNotes.bareInstance}`,
        '  case $target in *.* | *:*) ;; *) target="$target.pascom.cloud" ;; esac',
      );
    }
  }
  if (mode.checks.length > 0) {
    lines.push(`  say ${word(texts.testing(mode.direction, plan.deployment.id), { host: 'target' })}`);
  }
  mode.targets.forEach((target, index) => {
    lines.push(`  dns ${targetWord(target)}`, `  dns_${index + 1}=$resolved`);
  });
  if (mode.checks.length === 0) lines.push(`  say ${word(texts.nothingToTest)}`);
  for (const check of mode.checks) {
    const index = mode.targets.findIndex((target) =>
      target.kind === 'address'
        ? check.target.kind === 'address'
        : check.target.kind === 'host' && check.target.host === target.host,
    );
    const host = targetWord(check.target);
    // A fixed host is named in the advice now; the address only when the script runs.
    const advice =
      check.target.kind === 'host' ? fillNow(check.advice, { host: check.target.host }) : check.advice;
    lines.push(
      `  check ${shellQuote(check.ruleId)} ${check.portProtocol} ${check.kind} ${host} ${check.port} "$dns_${index + 1}" ${word(advice, { host: 'target' })}`,
    );
  }
  if (mode.untested.length > 0) {
    lines.push(`  say ${word(texts.untestedHeading)}`);
    for (const port of mode.untested)
      lines.push(`  say ${word(`  ${port.ruleId} ${port.portProtocol}: ${port.text}`)}`);
  }
  for (const other of plan.modes) {
    if (other === mode) continue;
    const count = other.checks.length;
    if (count > 0) lines.push(`  say ${word(texts.otherMode(count, other.direction, plan.deployment.id))}`);
  }
  lines.push('fi');
  return lines;
}

/** The whole script. */
export function spellBash(plan: CheckPlan): string {
  const info = checkVariant('linux-macos');
  const modes = plan.modes.map((mode) => mode.direction);
  const lines = [
    info.interpreter,
    ...commentBlock(checkHeader(plan, 'linux-macos'), '#'),
    '',
    'set -u',
    '',
    `mode=${modes[0] ?? 'outbound'}`,
  ];
  if (modes.length > 0) {
    lines.push('case ${1:-} in', `  ${modes.join(' | ')}) mode=$1; shift ;;`, 'esac');
  }
  // Only what the checks use, so a script of untestable rules alone holds no dead code.
  const hasChecks = plan.modes.some((mode) => mode.checks.length > 0);
  if (plan.modes.some((mode) => mode.address.needed)) lines.push('address=${1:-}', 'target=');
  if (hasChecks) lines.push('resolved=yes');
  lines.push(
    'reached=0',
    'failed=0',
    'untested=0',
    '',
    'say() { printf \'%s\\n\' "$1"; }',
    '',
    ...(hasChecks ? [...functions(plan), ''] : []),
  );
  for (const mode of plan.modes) lines.push(...modeBlock(plan, mode));
  lines.push(
    '',
    `say ${word(plan.texts.summary, { reachable: 'reached', blocked: 'failed', untested: 'untested' })}`,
    'if [ "$failed" -gt 0 ]; then exit 1; fi',
    'if [ "$untested" -gt 0 ]; then exit 3; fi',
    'exit 0',
  );
  return `${lines.join('\n')}\n`;
}
