/**
 * The check scripts' plan (filter, personalisation, what cannot be tested) and
 * their independent checks: ShellCheck reads every bash script, the tree-sitter
 * PowerShell grammar parses every PowerShell script, and each check is shown to
 * reject a fault planted in a good script.
 */
import { describe, expect, test } from 'vitest';
import { CHECK_TEXTS } from '../../src/lib/checks/texts';
import { planChecks, type CheckInput } from '../../src/lib/checks/plan';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { renderCheckScript } from '../../src/lib/checks/render';
import { ADDRESS_PATTERNS, PROBE_CODES, addressHost } from '../../src/lib/checks/powershell';
import { CHECK_VARIANT_IDS } from '../../src/lib/checks/variants';
import { DEFAULT_SETTINGS, parseSettings, type SnippetSettings } from '../../src/lib/firewall/settings';
import type { DeploymentView } from '../../src/lib/model';
import { shellcheckFindings } from '../snippet-checks/shellcheck.check';
import { powershellSyntaxErrors } from '../snippet-checks/powershell.check';
import { missingPrograms } from '../snippet-checks/run-tool';
import { ADDRESS_CASES } from './helpers/address-cases';
import { loadContent, loadGermanContent } from './helpers/load-content';

const SITE = { origin: 'https://ports.pascom.example' };
const data = loadContent();
const german = loadGermanContent();

function view(deployment: 'cloud' | 'onsite', from = data): DeploymentView {
  const found = from.deployments.find((candidate) => candidate.id === deployment);
  if (!found) throw new Error(`no ${deployment} tab`);
  return found;
}

function settings(form: Parameters<typeof parseSettings>[0]): SnippetSettings {
  const result = parseSettings(form);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

const personalised = settings({ host: 'acme', server: '203.0.113.5' });

describe('the check plan', () => {
  test('a filter narrows the checks to the rules it leaves', () => {
    const plan = planChecks(toSnippetInput(view('cloud'), ['sip-tls', 'rtp-voice']), DEFAULT_SETTINGS, SITE);
    expect(plan.ruleCount).toBe(2);
    expect(plan.modes.map((mode) => mode.direction)).toEqual(['outbound']);
    expect(
      plan.modes[0]!.checks.map((check) => `${check.ruleId} ${check.portProtocol} ${check.kind}`),
    ).toEqual(['sip-tls 5061/tcp tls']);
    expect(plan.modes[0]!.untested.map((port) => port.ruleId)).toEqual(['rtp-voice']);
  });

  test('the instance from the settings is the default address of the Cloud checks', () => {
    const withInstance = planChecks(toSnippetInput(view('cloud')), personalised, SITE).modes[0]!;
    expect(withInstance.address).toEqual({ needed: true, default: 'acme.pascom.cloud' });
    const without = planChecks(toSnippetInput(view('cloud')), DEFAULT_SETTINGS, SITE).modes[0]!;
    expect(without.address).toEqual({ needed: true, default: undefined });
    const script = renderCheckScript(toSnippetInput(view('cloud')), personalised, 'linux-macos', SITE);
    expect(script).toContain("target=${address:-'acme.pascom.cloud'}");
    expect(script).toContain('#   bash pascom-check-cloud.sh acme.pascom.cloud');
  });

  test('Onsite tests the server outbound and the remote-access rules inbound, against the server address', () => {
    const plan = planChecks(toSnippetInput(view('onsite')), personalised, SITE);
    const [outbound, inbound] = plan.modes;
    expect(outbound!.direction).toBe('outbound');
    expect(outbound!.address.needed).toBe(false);
    expect(outbound!.targets).toEqual([
      { kind: 'host', host: 'mypascom.net' },
      { kind: 'host', host: 'cloudmx1.pascom.net' },
      { kind: 'host', host: 'cloudmx2.pascom.net' },
    ]);
    expect(inbound!.direction).toBe('inbound');
    expect(inbound!.address).toEqual({ needed: true, default: '203.0.113.5' });
    expect(inbound!.checks.map((check) => check.ruleId)).toContain('sip-tls');
    expect(inbound!.checks.every((check) => check.target.kind === 'address')).toBe(true);
    const script = renderCheckScript(toSnippetInput(view('onsite')), personalised, 'windows', SITE);
    expect(script).toContain("if ($Target -eq '') { $Target = '203.0.113.5' }");
    expect(script).toContain(
      '#   powershell -ExecutionPolicy Bypass -File .\\pascom-check-onsite.ps1 inbound 203.0.113.5',
    );
  });

  test('every port the scripts cannot test is named with its reason', () => {
    const reasons = ['cloud', 'onsite'].flatMap((deployment) =>
      planChecks(
        toSnippetInput(view(deployment as 'cloud' | 'onsite')),
        DEFAULT_SETTINGS,
        SITE,
      ).modes.flatMap((mode) =>
        mode.untested.map((port) => `${port.ruleId} ${port.portProtocol} ${port.reason}`),
      ),
    );
    expect(reasons).toEqual([
      'rtp-voice 30000-35000/udp media-range',
      'video-stun 3478/udp stun',
      'webrtc-webclient 19302/udp stun',
      'ntp-time 123/udp udp-service',
      'rtp-voice 30000-35000/udp media-range',
      'video-stun 3478/udp stun',
      'webrtc-webclient 19302/udp stun',
    ]);
    const script = renderCheckScript(toSnippetInput(view('onsite')), DEFAULT_SETTINGS, 'linux-macos', SITE);
    expect(script).toContain(`ntp-time 123/udp: ${CHECK_TEXTS.en.untested['udp-service']}`);
    expect(script).toContain(`video-stun 3478/udp: ${CHECK_TEXTS.en.untested.stun}`);
  });

  test('a fixed host is named in the advice, the address is filled in when the script runs', () => {
    const plan = planChecks(toSnippetInput(view('onsite')), DEFAULT_SETTINGS, SITE);
    const script = renderCheckScript(toSnippetInput(view('onsite')), DEFAULT_SETTINGS, 'linux-macos', SITE);
    expect(plan.modes[0]!.checks[0]!.advice).toContain('{host}');
    expect(script).toContain(
      "'open 80/tcp outbound to mypascom.net; see https://ports.pascom.example/rules/licence-server/'",
    );
    expect(script).toContain("'allow 5061/tcp inbound to your pascom server at '\"$target\"' (behind NAT");
  });
});

describe('the German check scripts', () => {
  /** Every sentence of the English texts, with sample values in the ones that take some. */
  const english = CHECK_TEXTS.en;
  const sentences = [
    english.generated,
    english.whatItDoes,
    english.tlsNote,
    english.howToRun,
    english.exitCodes,
    english.asciiNote,
    english.usage,
    english.reachable,
    english.blocked,
    english.couldNotTest,
    english.resolves,
    english.doesNotResolve,
    english.dnsAdvice,
    english.unresolved,
    english.untestedHeading,
    english.nothingToTest,
    english.summary,
    ...Object.values(english.untested),
    ...(['cloud', 'onsite'] as const).flatMap((deployment) =>
      (['outbound', 'inbound'] as const).flatMap((direction) => [
        english.runWhere(deployment, direction),
        english.addressMeaning(direction, deployment),
        english.needsAddress(direction, deployment),
        english.testing(direction, deployment),
        english.otherMode(3, direction, deployment),
      ]),
    ),
    english.missingTool('curl'),
    english.openOutbound('5061/tcp', 'x'),
    english.openInbound('5061/tcp', 'x'),
  ];

  test.each(CHECK_VARIANT_IDS)('the German %s scripts hold no English sentence', (variant) => {
    for (const deployment of ['cloud', 'onsite'] as const) {
      const script = renderCheckScript(
        toSnippetInput(view(deployment, german), undefined, 'de'),
        personalised,
        variant,
        SITE,
      );
      const found = sentences.filter((sentence) =>
        script.includes(sentence.replace(/\{[a-z]+\}.*$/, '').slice(0, 40)),
      );
      expect(found, `${deployment}: English in the German script`).toEqual([]);
      expect(script).toContain('https://ports.pascom.example/de/rules/');
    }
  });

  test('the German PowerShell script is ASCII, the bash script keeps its umlauts', () => {
    const input = toSnippetInput(view('onsite', german), undefined, 'de');
    expect(renderCheckScript(input, DEFAULT_SETTINGS, 'windows', SITE)).not.toMatch(/[^\t\n -~]/);
    expect(renderCheckScript(input, DEFAULT_SETTINGS, 'linux-macos', SITE)).toContain('außerhalb');
  });
});

/** Every tab, English and German, published, personalised and narrowed to one rule. */
function scriptCases(): { name: string; input: CheckInput; settings: SnippetSettings }[] {
  const cases: { name: string; input: CheckInput; settings: SnippetSettings }[] = [];
  for (const deployment of ['cloud', 'onsite'] as const) {
    for (const [lang, from] of [
      ['en', data],
      ['de', german],
    ] as const) {
      const tab = view(deployment, from);
      cases.push({
        name: `${deployment} ${lang}`,
        input: toSnippetInput(tab, undefined, lang),
        settings: DEFAULT_SETTINGS,
      });
      cases.push({
        name: `${deployment} ${lang}, personalised`,
        input: toSnippetInput(tab, undefined, lang),
        settings: personalised,
      });
    }
    cases.push({
      name: `${deployment}, rtp-voice only`,
      input: toSnippetInput(view(deployment), ['rtp-voice']),
      settings: DEFAULT_SETTINGS,
    });
  }
  return cases;
}

const shellcheckMissing = missingPrograms(['shellcheck']);

describe.skipIf(shellcheckMissing !== undefined)('ShellCheck (bash) reads every bash check script', () => {
  test.each(scriptCases())('$name', ({ input, settings: given }) => {
    expect(shellcheckFindings(renderCheckScript(input, given, 'linux-macos', SITE), 'bash')).toEqual([]);
  });

  test.each([
    [
      'an unquoted expansion that word-splits (SC2086)',
      (text: string) => text.replace(`printf '%s\\n' "$1"`, `printf '%s\\n' $1`),
    ],
    [
      'a quote left open',
      (text: string) => text.replace("say 'Not tested by this script:'", "say 'Not tested by this script:"),
    ],
    ['a variable used but never set (SC2154)', (text: string) => text.replace('"$dns_1"', '"$dns_9"')],
  ])('rejects %s', (_name, plant) => {
    const good = renderCheckScript(toSnippetInput(view('cloud')), DEFAULT_SETTINGS, 'linux-macos', SITE);
    const planted = plant(good);
    expect(planted).not.toBe(good);
    expect(shellcheckFindings(planted, 'bash')).not.toEqual([]);
  });
});

describe('tree-sitter-powershell parses every PowerShell check script', () => {
  test.each(scriptCases())('$name', ({ input, settings: given }) => {
    expect(powershellSyntaxErrors(renderCheckScript(input, given, 'windows', SITE))).toEqual([]);
  });

  test.each([
    ['a string left open at the end', (text: string) => text.replace(/exit 0\n$/, "exit '0\n")],
    ['a brace left open', (text: string) => text.replace(/^\}$/m, '')],
    [
      'a parenthesis left open',
      (text: string) => text.replace("Write-Host ('DNS ' + $Name", "Write-Host (('DNS ' + $Name"),
    ],
  ])('rejects %s', (_name, plant) => {
    const good = renderCheckScript(toSnippetInput(view('cloud')), DEFAULT_SETTINGS, 'windows', SITE);
    const planted = plant(good);
    expect(planted).not.toBe(good);
    expect(powershellSyntaxErrors(planted)).not.toEqual([]);
  });
});

describe('the Windows script reads ADDRESS as the bash script does', () => {
  test.each(ADDRESS_CASES)('%s', (given, host) => {
    expect(addressHost(given)).toBe(host);
  });

  test('its patterns are the ones the script holds', () => {
    const script = renderCheckScript(toSnippetInput(view('cloud')), DEFAULT_SETTINGS, 'windows', SITE);
    for (const pattern of Object.values(ADDRESS_PATTERNS)) expect(script).toContain(`'${pattern}'`);
  });
});

describe('the Windows script connects the way the issue asks', () => {
  const script = renderCheckScript(toSnippetInput(view('cloud')), personalised, 'windows', SITE);
  const functionBody = (name: string) => {
    const start = script.indexOf(`function ${name}(`);
    return start < 0 ? '' : script.slice(start, script.indexOf('\n}\n', start));
  };

  test('one connect helper: a TcpClient of the address family, BeginConnect and a wait with the timeout', () => {
    const connect = functionBody('Connect-Address');
    expect(connect).toContain('New-Object System.Net.Sockets.TcpClient($Address.AddressFamily)');
    expect(connect).toContain('$client.BeginConnect($Address, $Port, $null, $null)');
    expect(connect).toContain('WaitOne($Timeout * 1000)');
    expect(script).not.toContain('Test-NetConnection');
    expect(script).not.toContain('ConnectAsync');
    // Every kind of check goes through it.
    expect(functionBody('Test-Address')).toContain('Connect-Address $Address $Port');
    expect(script.match(/New-Object System\.Net\.Sockets\.TcpClient/g)).toHaveLength(1);
  });

  test('every address of a name is tried, and each is reported with its family', () => {
    const check = functionBody('Invoke-Check');
    expect(check).toContain('foreach ($address in $Addresses)');
    expect(check).toContain("if ($address.AddressFamily -eq 'InterNetworkV6') { $family = 'IPv6' }");
    expect(check).toContain("$details += ('  ' + $family + ' ' + $address.ToString() + ': ' + $word)");
    expect(functionBody('Test-Dns')).toContain('[System.Net.Dns]::GetHostAddresses($Name)');
    expect(script).not.toContain('Resolve-DnsName');
  });

  test('TLS 1.2 is asked for, no proxy and no redirect is involved, the timeout can be set', () => {
    expect(script).toContain('$Protocols = [System.Security.Authentication.SslProtocols]::Tls12');
    expect(functionBody('Start-Tls')).toContain('AuthenticateAsClient($Name, $null, $Protocols, $false)');
    expect(script).not.toContain('Invoke-WebRequest');
    expect(functionBody('Read-HttpAnswer')).toContain("'HEAD / HTTP/1.1'");
    expect(script).toContain("if ($env:PASCOM_CHECK_TIMEOUT -match '^[1-9][0-9]*$')");
    expect(script).toContain("foreach ($name in @('HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'))");
  });

  test('each probe code has its words, and a check that throws could not be tested', () => {
    const check = functionBody('Invoke-Check');
    const english = CHECK_TEXTS.en;
    expect(check).toContain(`${PROBE_CODES.reachable} { $answered = $true; $word = '${english.reachable}' }`);
    expect(check).toContain(`${PROBE_CODES.refused} { $word = '${english.refused}' }`);
    expect(check).toContain(`${PROBE_CODES.noHandshake} { $word = '${english.noHandshake}' }`);
    expect(check).toContain(
      `${PROBE_CODES.untrusted} { $distrusted = $true; $word = '${english.untrusted}' }`,
    );
    expect(check).toContain(`$line + ': ' + '${english.couldNotTest}' + ' (' + $_.Exception.Message + ')'`);
    expect(script).toContain('if ($Failed -gt 0 -or $Untrusted -gt 0 -or $Unresolved -gt 0) { exit 1 }');
    expect(script).toContain('if ($Untested -gt 0) { exit 3 }');
  });

  test('a URL or host:port is reduced and said, anything else refused with exit code 2', () => {
    expect(script).toContain('$Target = Get-AddressHost $given');
    expect(script).toContain(
      "if ($Target -ne $given) { Write-Host ('' + 'Testing ' + $Target + ', taken from ' + $given + '.') }",
    );
    expect(script).toMatch(
      /is not a host name or an IP address\. Type the name or address alone.*\n {4}exit 2/,
    );
    expect(script).toContain(
      "$Words = @(@($First, $Second, $Third) + @($args) | Where-Object { $_ -ne '--' -and $_ -ne '' })",
    );
    expect(script).not.toContain('[Parameter(');
  });
});
