/**
 * The check script for Windows: PowerShell 5.1 or later, with Windows' own
 * cmdlets. Resolve-DnsName looks names up, Test-NetConnection opens TCP
 * connections, an SslStream makes the TLS handshake and Invoke-WebRequest the
 * HTTP(S) request. Output lines and exit codes are those of the bash script.
 */
import { commentBlock, powershellQuote } from '../firewall/text';
import { checkHeader, modeCommand } from './frame';
import type { CheckMode, CheckPlan, CheckTarget } from './plan';
import { fillNow, templateParts } from './template';
import { checkVariant } from './variants';

/** A sentence as a PowerShell expression: literal pieces quoted, slots as variables. */
function expression(text: string, variables: Readonly<Record<string, string>> = {}): string {
  const parts = templateParts(text).map((part) =>
    'slot' in part ? `$${variables[part.slot] ?? part.slot}` : powershellQuote(part.text),
  );
  if (parts.length === 1 && !parts[0]!.startsWith('$')) return parts[0]!;
  // Starting from a string makes + join strings, whatever the variables hold.
  return `('' + ${parts.join(' + ')})`;
}

function targetExpression(target: CheckTarget): string {
  return target.kind === 'address' ? '$Target' : powershellQuote(target.host);
}

function functions(plan: CheckPlan): string[] {
  const { texts } = plan;
  return [
    'function Test-Dns([string]$Name) {',
    "  if ($Name -match '^[0-9.]+$' -or $Name.Contains(':')) { return $true }",
    '  try {',
    '    Resolve-DnsName -Name $Name -ErrorAction Stop | Out-Null',
    `    Write-Host ('DNS ' + $Name + ': ' + ${powershellQuote(texts.resolves)})`,
    '    return $true',
    '  } catch {',
    '    $script:Failed += 1',
    `    Write-Host ('DNS ' + $Name + ': ' + ${powershellQuote(texts.doesNotResolve)} + ' - ' + ${powershellQuote(texts.dnsAdvice)})`,
    '    return $false',
    '  }',
    '}',
    '',
    'function Test-Tcp([string]$Name, [int]$Port) {',
    '  return [bool](Test-NetConnection -ComputerName $Name -Port $Port -InformationLevel Quiet -WarningAction SilentlyContinue)',
    '}',
    '',
    'function Test-Tls([string]$Name, [int]$Port) {',
    '  $client = New-Object System.Net.Sockets.TcpClient',
    '  try {',
    '    if (-not $client.ConnectAsync($Name, $Port).Wait(5000)) { return $false }',
    '    $client.ReceiveTimeout = 10000',
    '    $client.SendTimeout = 10000',
    `    # ${texts.codeNotes.anyCertificate}`,
    '    $stream = New-Object System.Net.Security.SslStream($client.GetStream(), $false, { $true })',
    '    $stream.AuthenticateAsClient($Name)',
    '    return $true',
    '  } catch {',
    '    return $false',
    '  } finally {',
    '    $client.Close()',
    '  }',
    '}',
    '',
    'function Test-Web([string]$Url) {',
    '  try {',
    '    Invoke-WebRequest -Uri $Url -UseBasicParsing -TimeoutSec 10 | Out-Null',
    '    return $true',
    '  } catch {',
    `    # ${texts.codeNotes.httpError}`,
    '    return ($null -ne $_.Exception.Response)',
    '  }',
    '}',
    '',
    'function Invoke-Check([string]$Rule, [string]$What, [string]$Kind, [string]$Name, [int]$Port, [bool]$Resolved, [string]$Advice) {',
    "  $line = $Rule + ' ' + $What + ' ' + $Kind + ' ' + $Name",
    '  if (-not $Resolved) {',
    '    $script:Untested += 1',
    `    Write-Host ($line + ': ' + ${powershellQuote(texts.couldNotTest)} + ' (' + ${powershellQuote(texts.unresolved)} + ')')`,
    '    return',
    '  }',
    '  $hostPart = $Name',
    "  if ($Name.Contains(':')) { $hostPart = '[' + $Name + ']' }",
    "  if ($Kind -eq 'tcp') {",
    '    $ok = Test-Tcp $Name $Port',
    "  } elseif ($Kind -eq 'tls') {",
    '    $ok = Test-Tls $Name $Port',
    '  } else {',
    "    $ok = Test-Web ($Kind + '://' + $hostPart + ':' + $Port + '/')",
    '  }',
    '  if ($ok) {',
    '    $script:Reached += 1',
    `    Write-Host ($line + ': ' + ${powershellQuote(texts.reachable)})`,
    '  } else {',
    '    $script:Failed += 1',
    `    Write-Host ($line + ': ' + ${powershellQuote(texts.blocked)} + ' - ' + $Advice)`,
    '  }',
    '}',
  ];
}

function modeBlock(plan: CheckPlan, mode: CheckMode): string[] {
  const { texts } = plan;
  const lines = [`if ($Mode -eq '${mode.direction}') {`];
  if (mode.address.needed) {
    const needs = fillNow(texts.needsAddress(mode.direction, plan.deployment.id), {
      command: modeCommand(plan, mode, 'windows'),
    });
    lines.push('  $Target = $Address');
    if (mode.address.default !== undefined) {
      lines.push(`  if ($Target -eq '') { $Target = ${powershellQuote(mode.address.default)} }`);
    }
    lines.push("  if ($Target -eq '') {", `    Write-Host ${powershellQuote(needs)}`, '    exit 2', '  }');
    if (mode.direction === 'outbound') {
      lines.push(
        `  # ${texts.codeNotes.bareInstance}`,
        "  if (-not $Target.Contains('.') -and -not $Target.Contains(':')) { $Target = $Target + '.pascom.cloud' }",
      );
    }
  }
  if (mode.checks.length > 0) {
    lines.push(
      `  Write-Host ${expression(texts.testing(mode.direction, plan.deployment.id), { host: 'Target' })}`,
    );
  }
  mode.targets.forEach((target, index) => {
    lines.push(`  $Dns${index + 1} = Test-Dns ${targetExpression(target)}`);
  });
  if (mode.checks.length === 0) lines.push(`  Write-Host ${powershellQuote(texts.nothingToTest)}`);
  for (const check of mode.checks) {
    const index = mode.targets.findIndex((target) =>
      target.kind === 'address'
        ? check.target.kind === 'address'
        : check.target.kind === 'host' && check.target.host === target.host,
    );
    const advice =
      check.target.kind === 'host' ? fillNow(check.advice, { host: check.target.host }) : check.advice;
    lines.push(
      `  Invoke-Check ${powershellQuote(check.ruleId)} '${check.portProtocol}' '${check.kind}' ${targetExpression(check.target)} ${check.port} $Dns${index + 1} ${expression(advice, { host: 'Target' })}`,
    );
  }
  if (mode.untested.length > 0) {
    lines.push(`  Write-Host ${powershellQuote(texts.untestedHeading)}`);
    for (const port of mode.untested) {
      lines.push(`  Write-Host ${powershellQuote(`  ${port.ruleId} ${port.portProtocol}: ${port.text}`)}`);
    }
  }
  for (const other of plan.modes) {
    if (other === mode || other.checks.length === 0) continue;
    lines.push(
      `  Write-Host ${powershellQuote(texts.otherMode(other.checks.length, other.direction, plan.deployment.id))}`,
    );
  }
  lines.push('}');
  return lines;
}

/** The whole script. */
export function spellPowerShell(plan: CheckPlan): string {
  const info = checkVariant('windows');
  const modes = plan.modes.map((mode) => mode.direction);
  const lines = [
    info.interpreter,
    ...commentBlock(checkHeader(plan, 'windows'), '#'),
    '',
    'param(',
    "  [Parameter(Position = 0)][string]$First = '',",
    "  [Parameter(Position = 1)][string]$Second = ''",
    ')',
    '',
    "$ProgressPreference = 'SilentlyContinue'",
    `$Mode = '${modes[0] ?? 'outbound'}'`,
    '$Address = $First',
    `if (${(modes.length > 0 ? modes : ['outbound']).map((mode) => `$First -eq '${mode}'`).join(' -or ')}) {`,
    '  $Mode = $First',
    '  $Address = $Second',
    '}',
    "$Target = ''",
    '$Reached = 0',
    '$Failed = 0',
    '$Untested = 0',
    '',
    // Only what the checks use, so a script of untestable rules alone holds no dead code.
    ...(plan.modes.some((mode) => mode.checks.length > 0) ? [...functions(plan), ''] : []),
  ];
  for (const mode of plan.modes) lines.push(...modeBlock(plan, mode));
  lines.push(
    '',
    `Write-Host ${expression(plan.texts.summary, { reachable: 'Reached', blocked: 'Failed', untested: 'Untested' })}`,
    'if ($Failed -gt 0) { exit 1 }',
    'if ($Untested -gt 0) { exit 3 }',
    'exit 0',
  );
  return `${lines.join('\n')}\n`;
}
