/**
 * The check script for Windows: PowerShell 5.1 or later, with .NET's own classes
 * and no cmdlet that a Windows edition may lack. System.Net.Dns looks names up
 * through the system resolver (hosts file, VPN and split DNS included); one
 * connect helper opens a TcpClient of the address's family with a timeout, for
 * every address of a name; an SslStream makes the TLS handshake (TLS 1.2 asked
 * for, as 5.1 may not offer it), and an HTTP(S) check sends one HEAD request on
 * that connection, so no proxy and no redirect is involved. Output lines and
 * exit codes are those of the bash script.
 */
import { commentBlock, powershellQuote } from '../firewall/text';
import { CHECK_TIMEOUT_SECONDS, CHECK_TIMEOUT_VARIABLE, checkHeader, modeCommand } from './frame';
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

/**
 * How the Windows script reads ADDRESS, as .NET regular expressions that JavaScript reads the
 * same way (plain classes and anchors only), so the unit tests try them without PowerShell.
 */
export const ADDRESS_PATTERNS = {
  /** "[2001:db8::1]" or "[2001:db8::1]:5061": the address inside the brackets. */
  bracketed: '^\\[([^\\]]*)\\](:[0-9]+)?$',
  /** "host:5061": the host before the port. */
  hostPort: '^([^:]*):([0-9]+)$',
  /** One colon without a port after it: neither host:port nor an IPv6 address. */
  oneColon: '^[^:]*:[^:]*$',
  /** An IPv6 address: hex digits, colons and dots (an IPv4 tail). */
  ipv6: '^[0-9A-Fa-f:.]+$',
  /** A host name or an IPv4 address: letters, digits, dots and hyphens, not starting with either. */
  name: '^[0-9A-Za-z][0-9A-Za-z.-]*$',
} as const;

/**
 * The host the Windows script takes from ADDRESS, step for step as its Get-AddressHost
 * function does: undefined where the script refuses it with exit code 2.
 */
export function addressHost(given: string): string | undefined {
  let rest = given;
  if (rest.startsWith('-')) return undefined;
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  const path = rest.indexOf('/');
  if (path >= 0) rest = rest.slice(0, path);
  const user = rest.lastIndexOf('@');
  if (user >= 0) rest = rest.slice(user + 1);
  const bracketed = new RegExp(ADDRESS_PATTERNS.bracketed).exec(rest);
  const hostPort = new RegExp(ADDRESS_PATTERNS.hostPort).exec(rest);
  if (bracketed) rest = bracketed[1]!;
  else if (hostPort) rest = hostPort[1]!;
  else if (new RegExp(ADDRESS_PATTERNS.oneColon).test(rest)) return undefined;
  if (rest.includes(':') && new RegExp(ADDRESS_PATTERNS.ipv6).test(rest)) return rest;
  if (!rest.includes(':') && new RegExp(ADDRESS_PATTERNS.name).test(rest)) return rest;
  return undefined;
}

/** The Get-AddressHost function, which {@link addressHost} mirrors. */
function addressFunction(): string[] {
  return [
    'function Get-AddressHost([string]$Given) {',
    '  $rest = $Given',
    "  if ($rest.StartsWith('-')) { return '' }",
    "  $at = $rest.IndexOf('://')",
    '  if ($at -ge 0) { $rest = $rest.Substring($at + 3) }',
    "  $at = $rest.IndexOf('/')",
    '  if ($at -ge 0) { $rest = $rest.Substring(0, $at) }',
    "  $at = $rest.LastIndexOf('@')",
    '  if ($at -ge 0) { $rest = $rest.Substring($at + 1) }',
    `  if ($rest -match ${powershellQuote(ADDRESS_PATTERNS.bracketed)}) { $rest = $Matches[1] }`,
    `  elseif ($rest -match ${powershellQuote(ADDRESS_PATTERNS.hostPort)}) { $rest = $Matches[1] }`,
    `  elseif ($rest -match ${powershellQuote(ADDRESS_PATTERNS.oneColon)}) { return '' }`,
    `  if ($rest.Contains(':') -and $rest -cmatch ${powershellQuote(ADDRESS_PATTERNS.ipv6)}) { return $rest }`,
    `  if (-not $rest.Contains(':') -and $rest -cmatch ${powershellQuote(ADDRESS_PATTERNS.name)}) { return $rest }`,
    "  return ''",
    '}',
  ];
}

/**
 * What one address did, as the bash script's codes: 0 answered, 1 refused, 2 no TLS
 * handshake, 60 a certificate this machine does not trust, 124 no answer in time.
 */
export const PROBE_CODES = {
  reachable: 0,
  refused: 1,
  noHandshake: 2,
  untrusted: 60,
  noAnswer: 124,
} as const;

function functions(plan: CheckPlan): string[] {
  const { texts } = plan;
  const notes = texts.codeNotes;
  const code = PROBE_CODES;
  return [
    `# ${notes.lookupWindows}`,
    'function Test-Dns([string]$Name) {',
    '  $parsed = $null',
    '  if ([System.Net.IPAddress]::TryParse($Name, [ref]$parsed)) { return ,@($parsed) }',
    '  try {',
    '    $found = @([System.Net.Dns]::GetHostAddresses($Name))',
    '  } catch {',
    '    $found = @()',
    '  }',
    '  if ($found.Count -eq 0) {',
    '    $script:Unresolved += 1',
    `    Write-Host ('DNS ' + $Name + ': ' + ${powershellQuote(`${texts.doesNotResolve} - ${texts.dnsAdvice}`)})`,
    '  } else {',
    `    $addresses = ($found | ForEach-Object { $_.ToString() }) -join ' '`,
    `    Write-Host ('DNS ' + $Name + ': ' + ${expression(texts.resolves)})`,
    '  }',
    '  return ,$found',
    '}',
    '',
    `# ${notes.everyAddress}`,
    '# Opens a TCP connection to one address within the time; returns the code and the open client.',
    'function Connect-Address([System.Net.IPAddress]$Address, [int]$Port) {',
    '  $client = New-Object System.Net.Sockets.TcpClient($Address.AddressFamily)',
    '  try {',
    '    $pending = $client.BeginConnect($Address, $Port, $null, $null)',
    '    if (-not $pending.AsyncWaitHandle.WaitOne($Timeout * 1000)) {',
    '      $client.Close()',
    `      return @{ Code = ${code.noAnswer}; Client = $null }`,
    '    }',
    '    $client.EndConnect($pending)',
    '    $client.ReceiveTimeout = $Timeout * 1000',
    '    $client.SendTimeout = $Timeout * 1000',
    `    return @{ Code = ${code.reachable}; Client = $client }`,
    '  } catch {',
    '    $client.Close()',
    `    return @{ Code = ${code.refused}; Client = $null }`,
    '  }',
    '}',
    '',
    '# A TLS handshake on an open connection; the name goes into it (SNI) unless it is an address.',
    'function Start-Tls($Client, [string]$Name) {',
    '  $script:CertificateTrusted = $true',
    '  $accept = {',
    '    param($source, $certificate, $chain, $errors)',
    "    if ($errors -ne 'None') { $script:CertificateTrusted = $false }",
    `    # ${notes.anyCertificate}`,
    '    return $true',
    '  }',
    '  $stream = New-Object System.Net.Security.SslStream($Client.GetStream(), $false, $accept)',
    '  $stream.AuthenticateAsClient($Name, $null, $Protocols, $false)',
    '  return $stream',
    '}',
    '',
    `# ${notes.noProxy} ${notes.noRedirect}`,
    'function Read-HttpAnswer($Stream, [string]$Name) {',
    "  $request = [System.Text.Encoding]::ASCII.GetBytes('HEAD / HTTP/1.1' + [char]13 + [char]10 + 'Host: ' + $Name + [char]13 + [char]10 + 'Connection: close' + [char]13 + [char]10 + [char]13 + [char]10)",
    '  $Stream.Write($request, 0, $request.Length)',
    '  $reader = New-Object System.IO.StreamReader($Stream)',
    '  $first = $reader.ReadLine()',
    `  # ${notes.httpError}`,
    "  return ($null -ne $first -and $first.StartsWith('HTTP/'))",
    '}',
    '',
    'function Test-Address([string]$Kind, [string]$Name, [System.Net.IPAddress]$Address, [int]$Port) {',
    '  $connection = Connect-Address $Address $Port',
    `  if ($connection.Code -ne ${code.reachable}) { return $connection.Code }`,
    '  $client = $connection.Client',
    '  $sni = $Name',
    "  if ($Name -match '^[0-9.]+$' -or $Name.Contains(':')) { $sni = $Address.ToString() }",
    '  try {',
    `    if ($Kind -eq 'tcp') { return ${code.reachable} }`,
    '    $stream = $client.GetStream()',
    "    if ($Kind -eq 'tls' -or $Kind -eq 'https') {",
    '      try {',
    '        $stream = Start-Tls $client $sni',
    '      } catch {',
    `        return ${code.noHandshake}`,
    '      }',
    `      if ($Kind -eq 'tls') { return ${code.reachable} }`,
    '    }',
    `    if (-not (Read-HttpAnswer $stream $Name)) { return ${code.refused} }`,
    `    if ($Kind -eq 'https' -and -not $script:CertificateTrusted) { return ${code.untrusted} }`,
    `    return ${code.reachable}`,
    '  } catch {',
    `    return ${code.refused}`,
    '  } finally {',
    '    $client.Close()',
    '  }',
    '}',
    '',
    'function Invoke-Check([string]$Rule, [string]$What, [string]$Kind, [string]$Name, [int]$Port, $Addresses, [string]$Advice) {',
    "  $line = $Rule + ' ' + $What + ' ' + $Kind + ' ' + $Name",
    '  if ($null -eq $Addresses -or $Addresses.Count -eq 0) {',
    '    $script:Untested += 1',
    `    Write-Host ($line + ': ' + ${powershellQuote(`${texts.couldNotTest} (${texts.unresolved})`)})`,
    '    return',
    '  }',
    '  $answered = $false',
    '  $distrusted = $false',
    '  $details = @()',
    '  foreach ($address in $Addresses) {',
    "    $family = 'IPv4'",
    "    if ($address.AddressFamily -eq 'InterNetworkV6') { $family = 'IPv6' }",
    '    try {',
    '      $result = Test-Address $Kind $Name $address $Port',
    '    } catch {',
    '      $script:Untested += 1',
    `      Write-Host ($line + ': ' + ${powershellQuote(texts.couldNotTest)} + ' (' + $_.Exception.Message + ')')`,
    '      return',
    '    }',
    `    $seconds = $Timeout`,
    '    switch ($result) {',
    `      ${code.reachable} { $answered = $true; $word = ${powershellQuote(texts.reachable)} }`,
    `      ${code.refused} { $word = ${powershellQuote(texts.refused)} }`,
    `      ${code.noHandshake} { $word = ${powershellQuote(texts.noHandshake)} }`,
    `      ${code.untrusted} { $distrusted = $true; $word = ${powershellQuote(texts.untrusted)} }`,
    `      default { $word = ${expression(texts.noAnswer, { seconds: 'seconds' })} }`,
    '    }',
    "    $details += ('  ' + $family + ' ' + $address.ToString() + ': ' + $word)",
    '  }',
    '  if ($answered) {',
    '    $script:Reached += 1',
    `    Write-Host ($line + ': ' + ${powershellQuote(texts.reachable)})`,
    '  } elseif ($distrusted) {',
    '    $script:Untrusted += 1',
    `    Write-Host ($line + ': ' + ${expression(`${texts.untrusted} - ${texts.untrustedAdvice}`, { host: 'Name' })})`,
    '  } else {',
    '    $script:Failed += 1',
    `    Write-Host ($line + ': ' + ${powershellQuote(texts.blocked)} + ' - ' + $Advice)`,
    '  }',
    '  foreach ($detail in $details) { Write-Host $detail }',
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
    const bad = fillNow(texts.badAddress, { command: modeCommand(plan, mode, 'windows') });
    lines.push(
      "  if ($Target -eq '') {",
      `    Write-Host ${powershellQuote(needs)}`,
      '    exit 2',
      '  }',
      '  $given = $Target',
      '  $Target = Get-AddressHost $given',
      "  if ($Target -eq '') {",
      `    Write-Host ${expression(bad, { given: 'given' })}`,
      '    exit 2',
      '  }',
      `  if ($Target -ne $given) { Write-Host ${expression(texts.addressTaken, { host: 'Target', given: 'given' })} }`,
    );
    if (mode.direction === 'outbound') {
      lines.push(
        `  # ${texts.codeNotes.bareInstance}`,
        "  if (-not $Target.Contains('.') -and -not $Target.Contains(':')) { $Target = $Target + '.pascom.cloud' }",
      );
    }
  }
  if (!mode.address.needed) {
    const usage = fillNow(texts.usage, { command: modeCommand(plan, mode, 'windows') });
    lines.push("  if ($Address -ne '') {", `    Write-Host ${powershellQuote(usage)}`, '    exit 2', '  }');
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
  const { texts } = plan;
  const modes = plan.modes.map((mode) => mode.direction);
  const hasChecks = plan.modes.some((mode) => mode.checks.length > 0);
  const hasWeb = plan.modes.some((mode) =>
    mode.checks.some((check) => check.kind === 'http' || check.kind === 'https'),
  );
  const lines = [
    info.interpreter,
    ...commentBlock(checkHeader(plan, 'windows'), '#'),
    '',
    // No [Parameter()] attribute: a plain script takes what looks like an option ("-x",
    // "--help") into $args instead of failing before its first line, so it is refused below.
    "param([string]$First = '', [string]$Second = '', [string]$Third = '')",
    '',
    "$ProgressPreference = 'SilentlyContinue'",
    '# "--" ends the options, as in the bash script.',
    "$Words = @(@($First, $Second, $Third) + @($args) | Where-Object { $_ -ne '--' -and $_ -ne '' })",
    `$Mode = '${modes[0] ?? 'outbound'}'`,
    "$Address = ''",
    `if ($Words.Count -gt 0 -and (${(modes.length > 0 ? modes : ['outbound']).map((mode) => `$Words[0] -eq '${mode}'`).join(' -or ')})) {`,
    '  $Mode = $Words[0]',
    '  $Words = @($Words | Select-Object -Skip 1)',
    '}',
    'if ($Words.Count -gt 0) { $Address = $Words[0] }',
    "$Target = ''",
    '$Reached = 0',
    '$Untrusted = 0',
    '$Failed = 0',
    '$Unresolved = 0',
    '$Untested = 0',
  ];
  if (hasChecks) {
    lines.push(
      `$Timeout = ${CHECK_TIMEOUT_SECONDS}`,
      `if ($env:${CHECK_TIMEOUT_VARIABLE} -match '^[1-9][0-9]*$') { $Timeout = [int]$env:${CHECK_TIMEOUT_VARIABLE} }`,
      `# ${texts.codeNotes.tls12}`,
      '$Protocols = [System.Security.Authentication.SslProtocols]::Tls12',
      "try { $Protocols = $Protocols -bor [System.Security.Authentication.SslProtocols]'Tls13' } catch { }",
      'try { [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12 } catch { }',
      '$CertificateTrusted = $true',
    );
  }
  if (hasWeb) {
    lines.push(
      `# ${texts.codeNotes.noProxy}`,
      "$proxies = ''",
      "foreach ($name in @('HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY')) {",
      "  if ([System.Environment]::GetEnvironmentVariable($name)) { $proxies = $proxies + ' ' + $name }",
      '}',
      'try {',
      "  $probeUri = New-Object System.Uri('https://mypascom.net/')",
      '  $systemProxy = [System.Net.WebRequest]::GetSystemWebProxy().GetProxy($probeUri)',
      "  if ($systemProxy.Host -ne $probeUri.Host) { $proxies = $proxies + ' Windows (' + $systemProxy.Authority + ')' }",
      '} catch { }',
    );
  }
  lines.push(
    '',
    ...(plan.modes.some((mode) => mode.address.needed) ? [...addressFunction(), ''] : []),
    // Only what the checks use, so a script of untestable rules alone holds no dead code.
    ...(hasChecks ? [...functions(plan), ''] : []),
  );
  if (hasWeb) {
    lines.push(`if ($proxies -ne '') { Write-Host ${expression(texts.proxyIgnored, { names: 'proxies' })} }`);
  }
  for (const mode of plan.modes) lines.push(...modeBlock(plan, mode));
  lines.push(
    '',
    `Write-Host ${expression(texts.summary, { reachable: 'Reached', untrusted: 'Untrusted', blocked: 'Failed', untested: 'Untested', unresolved: 'Unresolved' })}`,
    'if ($Failed -gt 0 -or $Untrusted -gt 0 -or $Unresolved -gt 0) { exit 1 }',
    'if ($Untested -gt 0) { exit 3 }',
    'exit 0',
  );
  return `${lines.join('\n')}\n`;
}
