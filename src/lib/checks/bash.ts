/**
 * The check script for Linux and macOS: bash (3.2 or later), with only what a
 * stock Debian, Ubuntu or macOS has. Names are looked up through the system
 * resolver (getent, or dscacheutil on macOS), and every address of a name is
 * tried on its own. TCP connects through bash's own /dev/tcp; TLS needs openssl,
 * HTTP(S) needs curl without a proxy, and a check whose tool is missing says so.
 * macOS has no timeout(1), so the script limits slow commands itself.
 */
import { commentBlock, shellQuote } from '../firewall/text';
import { CHECK_TIMEOUT_SECONDS, CHECK_TIMEOUT_VARIABLE, checkHeader, modeCommand } from './frame';
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
  const untested = (reason: string) =>
    `untested=$((untested + 1)); say "$line: "${word(`${texts.couldNotTest} (${reason})`, { tool: 'tool' })}`;
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
    `# ${notes.lookup}`,
    'lookup() {',
    '  if command -v getent >/dev/null 2>&1; then',
    `    getent ahosts -- "$1" 2>/dev/null | awk '$2 == "STREAM" && !seen[$1]++ { printf "%s%s", sep, $1; sep = " " }' || true`,
    '  elif command -v dscacheutil >/dev/null 2>&1; then',
    `    dscacheutil -q host -a name "$1" 2>/dev/null | awk '($1 == "ip_address:" || $1 == "ipv6_address:") && !seen[$2]++ { printf "%s%s", sep, $2; sep = " " }' || true`,
    '  else',
    '    return 3',
    '  fi',
    '}',
    '',
    'dns() {',
    '  local status',
    '  resolved=yes',
    '  addresses=$1',
    '  case $1 in',
    '    *:*) return 0 ;;',
    '    *[!0-9.]*) ;;',
    '    *) return 0 ;;',
    '  esac',
    '  addresses=$(lookup "$1")',
    '  status=$?',
    '  if [ "$status" -eq 3 ]; then',
    '    resolved=unknown',
    `    say "DNS $1: "${word(`${texts.couldNotTest} (${texts.noLookupTool})`)}`,
    '  elif [ -z "$addresses" ]; then',
    '    resolved=no',
    '    unresolved=$((unresolved + 1))',
    `    say "DNS $1: "${word(`${texts.doesNotResolve} - ${texts.dnsAdvice}`)}`,
    '  else',
    `    say "DNS $1: "${word(texts.resolves)}`,
    '  fi',
    '}',
    '',
    `# ${notes.indirect}`,
    '# shellcheck disable=SC2317',
    'tcp_open() { exec 3<>"/dev/tcp/$1/$2"; }',
    '',
    '# Returns 0 when the address answered, 1 when it refused, 2 without a TLS handshake,',
    '# 60 for a certificate this machine does not trust and 124 without an answer in time.',
    'probe() {',
    '  local endpoint="$3:$4" pinned=$3 sni=$2 url out status',
    '  case $3 in *:*) endpoint="[$3]:$4"; pinned="[$3]" ;; esac',
    '  case $1 in',
    '    tcp) limited "$timeout" tcp_open "$3" "$4" 2>/dev/null ;;',
    '    tls)',
    `      # ${notes.sni}`,
    '      case $2 in *:*) sni= ;; *[!0-9.]*) ;; *) sni= ;; esac',
    '      if [ -n "$sni" ]; then',
    '        out=$(limited "$timeout" openssl s_client -connect "$endpoint" -servername "$sni" </dev/null 2>&1)',
    '      else',
    '        out=$(limited "$timeout" openssl s_client -connect "$endpoint" </dev/null 2>&1)',
    '      fi',
    '      status=$?',
    '      case $status in 0 | 124) return "$status" ;; esac',
    `      case $out in *errno=* | *'onnection refused'*) return 1 ;; esac`,
    '      return 2',
    '      ;;',
    '    *)',
    '      case $2 in *:*) url="$1://[$2]:$4/" ;; *) url="$1://$2:$4/" ;; esac',
    `      # ${notes.noProxy} ${notes.noRedirect}`,
    '      if [ "$2" = "$3" ]; then',
    `        curl -q -sS -o /dev/null --noproxy '*' --connect-timeout "$timeout" --max-time $((timeout * 2)) --url "$url" 2>/dev/null`,
    '      else',
    `        curl -q -sS -o /dev/null --noproxy '*' --connect-timeout "$timeout" --max-time $((timeout * 2)) --resolve "$2:$4:$pinned" --url "$url" 2>/dev/null`,
    '      fi',
    '      case $? in',
    `        # ${notes.httpError}`,
    '        0) return 0 ;;',
    '        28) return 124 ;;',
    '        35) return 2 ;;',
    '        51 | 60) return 60 ;;',
    '        *) return 1 ;;',
    '      esac',
    '      ;;',
    '  esac',
    '}',
    '',
    'check() {',
    '  local line="$1 $2 $3 $4" tool=curl address family result details="" answered=no distrusted=no',
    '  case $6 in',
    `    no) ${untested(texts.unresolved)}; return ;;`,
    `    unknown) ${untested(texts.notLookedUp)}; return ;;`,
    '  esac',
    '  case $3 in tcp) tool=bash ;; tls) tool=openssl ;; esac',
    '  if ! command -v "$tool" >/dev/null 2>&1; then',
    `    ${untested(texts.missingTool('{tool}'))}`,
    '    return',
    '  fi',
    `  # ${notes.everyAddress}`,
    '  for address in $7; do',
    '    case $address in *:*) family=IPv6 ;; *) family=IPv4 ;; esac',
    '    probe "$3" "$4" "$address" "$5"',
    '    case $? in',
    `      0) answered=yes; result=${word(texts.reachable)} ;;`,
    `      1) result=${word(texts.refused)} ;;`,
    `      2) result=${word(texts.noHandshake)} ;;`,
    `      60) distrusted=yes; result=${word(texts.untrusted)} ;;`,
    `      *) result=${word(texts.noAnswer, { seconds: 'timeout' })} ;;`,
    '    esac',
    '    details="$details  $family $address: $result',
    '"',
    '  done',
    '  if [ "$answered" = yes ]; then',
    '    reached=$((reached + 1))',
    `    say "$line: "${word(texts.reachable)}`,
    '  elif [ "$distrusted" = yes ]; then',
    '    untrusted=$((untrusted + 1))',
    `    say "$line: "${word(`${texts.untrusted} - ${texts.untrustedAdvice}`, { host: '4' })}`,
    '  else',
    '    failed=$((failed + 1))',
    `    say "$line: "${word(texts.blocked)}" - $8"`,
    '  fi',
    `  printf '%s' "$details"`,
    '}',
  ];
}

/** Takes the host out of a URL or host:port, and refuses anything that is not a name or an address. */
function addressFunction(plan: CheckPlan): string[] {
  return [
    'use_address() {',
    '  local rest=$1',
    '  given=$1',
    '  case $rest in -*) return 1 ;; esac',
    '  case $rest in *://*) rest=${rest#*://} ;; esac',
    '  rest=${rest%%/*}',
    '  rest=${rest##*@}',
    '  case $rest in',
    '    \\[*\\]) rest=${rest#\\[}; rest=${rest%\\]} ;;',
    '    \\[*\\]:*) rest=${rest#\\[}; rest=${rest%%\\]*} ;;',
    '    *:*:*) ;;',
    '    *:*)',
    "      case ${rest##*:} in '' | *[!0-9]*) return 1 ;; esac",
    '      rest=${rest%:*}',
    '      ;;',
    '  esac',
    '  case $rest in',
    "    '' | -* | .*) return 1 ;;",
    '    *:*) case $rest in *[!0-9A-Fa-f:.]*) return 1 ;; esac ;;',
    '    *[!0-9A-Za-z.-]*) return 1 ;;',
    '  esac',
    '  target=$rest',
    `  if [ "$target" != "$given" ]; then say ${word(plan.texts.addressTaken, { host: 'target', given: 'given' })}; fi`,
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
    const bad = fillNow(texts.badAddress, { command: modeCommand(plan, mode, 'linux-macos') });
    lines.push(
      `  target=\${address:-${mode.address.default === undefined ? '' : shellQuote(mode.address.default)}}`,
      '  if [ -z "$target" ]; then',
      `    say ${word(needs)} >&2`,
      '    exit 2',
      '  fi',
      '  if ! use_address "$target"; then',
      `    say ${word(bad, { given: 'given' })} >&2`,
      '    exit 2',
      '  fi',
    );
    if (mode.direction === 'outbound') {
      lines.push(
        `  # ${texts.codeNotes.bareInstance}`,
        '  case $target in *.* | *:*) ;; *) target="$target.pascom.cloud" ;; esac',
      );
    }
  } else {
    const usage = fillNow(texts.usage, { command: modeCommand(plan, mode, 'linux-macos') });
    lines.push('  if [ -n "$address" ]; then', `    say ${word(usage)} >&2`, '    exit 2', '  fi');
  }
  if (mode.checks.length > 0) {
    lines.push(`  say ${word(texts.testing(mode.direction, plan.deployment.id), { host: 'target' })}`);
  }
  mode.targets.forEach((target, index) => {
    lines.push(
      `  dns ${targetWord(target)}`,
      `  dns_${index + 1}=$resolved`,
      `  addresses_${index + 1}=$addresses`,
    );
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
      `  check ${shellQuote(check.ruleId)} ${check.portProtocol} ${check.kind} ${host} ${check.port} "$dns_${index + 1}" "$addresses_${index + 1}" ${word(advice, { host: 'target' })}`,
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
  const { texts } = plan;
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
  const hasWeb = plan.modes.some((mode) =>
    mode.checks.some((check) => check.kind === 'http' || check.kind === 'https'),
  );
  const needsAddress = plan.modes.some((mode) => mode.address.needed);
  lines.push('if [ "${1:-}" = -- ]; then shift; fi', 'address=${1:-}');
  if (needsAddress) lines.push('target=', 'given=');
  if (hasChecks) {
    lines.push(
      'resolved=yes',
      'addresses=',
      `timeout=\${${CHECK_TIMEOUT_VARIABLE}:-${CHECK_TIMEOUT_SECONDS}}`,
      `case $timeout in '' | *[!0-9]* | 0*) timeout=${CHECK_TIMEOUT_SECONDS} ;; esac`,
    );
  }
  lines.push('reached=0', 'untrusted=0', 'failed=0', 'unresolved=0', 'untested=0', '');
  if (hasWeb) {
    lines.push(
      `# ${texts.codeNotes.noProxy}`,
      'proxies=',
      'for name in http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY; do',
      '  if [ -n "${!name:-}" ]; then proxies="$proxies $name"; fi',
      '  unset "$name"',
      'done',
      '',
    );
  }
  lines.push(
    'say() { printf \'%s\\n\' "$1"; }',
    '',
    ...(hasChecks ? [...functions(plan), ''] : []),
    ...(needsAddress ? [...addressFunction(plan), ''] : []),
  );
  if (hasWeb) {
    lines.push(`if [ -n "$proxies" ]; then say ${word(texts.proxyIgnored, { names: 'proxies' })}; fi`);
  }
  for (const mode of plan.modes) lines.push(...modeBlock(plan, mode));
  lines.push(
    '',
    `say ${word(texts.summary, { reachable: 'reached', untrusted: 'untrusted', blocked: 'failed', untested: 'untested', unresolved: 'unresolved' })}`,
    'if [ "$failed" -gt 0 ] || [ "$untrusted" -gt 0 ] || [ "$unresolved" -gt 0 ]; then exit 1; fi',
    'if [ "$untested" -gt 0 ]; then exit 3; fi',
    'exit 0',
  );
  return `${lines.join('\n')}\n`;
}
