/**
 * The bash check script run for real, against servers on 127.0.0.1: a TCP
 * listener, a TLS server and an HTTPS server with a throwaway certificate, and a
 * port nobody listens on. The plan's hosts and ports are pointed at them in
 * TypeScript, so the script under test is the one the site publishes, only
 * with other addresses in it. Nothing leaves the machine.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planChecks, type CheckPlan, type CheckTarget } from '../../src/lib/checks/plan';
import { toSnippetInput } from '../../src/lib/firewall/plan';
import { spellCheckScript } from '../../src/lib/checks/render';
import { DEFAULT_SETTINGS } from '../../src/lib/firewall/settings';
import { commandPath, missingPrograms } from '../snippet-checks/run-tool';
import { shellQuote } from '../../src/lib/firewall/text';
import { makeTestCertificate } from '../tls-certificate.mjs';
import { ADDRESS_CASES } from './helpers/address-cases';
import { loadContent, loadGermanContent } from './helpers/load-content';

const SITE = { origin: 'https://ports.pascom.example' };
const LOCAL = '127.0.0.1';
const missing = missingPrograms(['bash', 'openssl', 'curl']);

let dir = '';
const servers: Server[] = [];
/** The local port standing in for each kind of answer. */
const ports = { tcp: 0, tls: 0, https: 0, closed: 0 };

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOCAL, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

beforeAll(async () => {
  if (missing !== undefined) return;
  dir = mkdtempSync(join(tmpdir(), 'pascom-check-run-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const result = makeTestCertificate({
    keyFile: key,
    certFile: cert,
    commonName: 'localhost',
    altNames: `IP:${LOCAL},DNS:localhost`,
  });
  if (result.status !== 0) throw new Error(`openssl req failed: ${result.stderr}`);
  const tls = { key: readFileSync(key), cert: readFileSync(cert) };
  const tcpServer = createTcpServer((socket) => socket.end());
  const tlsServer = createTlsServer(tls, (socket) => socket.end());
  const httpsServer = createHttpsServer(tls, (_request, response) => response.end('ok'));
  servers.push(tcpServer, tlsServer, httpsServer);
  ports.tcp = await listen(tcpServer);
  ports.tls = await listen(tlsServer);
  ports.https = await listen(httpsServer);
  // A port that was free a moment ago and has no listener now: connecting to it is refused.
  const probe = createTcpServer();
  ports.closed = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** The plan with every check pointed at 127.0.0.1 and at the local port `portOf` gives it. */
function pointAtLocal(plan: CheckPlan, portOf: (ruleId: string, kind: string) => number): CheckPlan {
  const local: CheckTarget = { kind: 'host', host: LOCAL };
  return {
    ...plan,
    modes: plan.modes.map((mode) => ({
      ...mode,
      targets: mode.checks.length > 0 ? [local] : [],
      address: { needed: false },
      checks: mode.checks.map((check) => ({
        ...check,
        target: local,
        port: portOf(check.ruleId, check.kind),
      })),
    })),
  };
}

/** Runs a script with bash; curl trusts the throwaway certificate through its usual variable. */
function run(script: string, args: string[] = []): Promise<{ status: number | null; lines: string[] }> {
  const file = join(dir, `check-${Math.floor(performance.now() * 1000)}.sh`);
  writeFileSync(file, script);
  return new Promise((resolve) => {
    const child = spawn('bash', [file, ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CURL_CA_BUNDLE: join(dir, 'cert.pem'), LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, lines: output.split('\n') }));
  });
}

/** The result word of a rule's line, e.g. "reachable" or "blocked". */
function outcome(lines: string[], ruleId: string, kind: string): string | undefined {
  const line = lines.find(
    (candidate) => candidate.startsWith(`${ruleId} `) && candidate.includes(` ${kind} ${LOCAL}: `),
  );
  return line?.split(': ')[1]?.split(' - ')[0];
}

const cloud = loadContent().deployments.find((view) => view.id === 'cloud')!;
const RULES = ['sip-tls', 'phone-provisioning', 'chat-xmpp', 'mypascom-services', 'rtp-voice'];

/** sip-tls to the TLS server, phone-provisioning to the TCP listener, chat-xmpp to the closed port, HTTPS to the HTTPS server, HTTP to the closed port. */
function cloudScript(): string {
  const plan = planChecks(toSnippetInput(cloud, RULES), DEFAULT_SETTINGS, SITE);
  return spellCheckScript(
    pointAtLocal(plan, (ruleId, kind) => {
      if (kind === 'tls') return ports.tls;
      if (kind === 'https') return ports.https;
      if (ruleId === 'phone-provisioning') return ports.tcp;
      return ports.closed;
    }),
    'linux-macos',
  );
}

describe.skipIf(missing !== undefined)(
  `the bash check script against local servers${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    test('reports listening ports reachable, the closed port blocked with what to do, and exits 1', async () => {
      const { status, lines } = await run(cloudScript());
      expect(outcome(lines, 'sip-tls', 'tls'), lines.join('\n')).toBe('reachable');
      expect(outcome(lines, 'phone-provisioning', 'tcp')).toBe('reachable');
      expect(outcome(lines, 'mypascom-services', 'https')).toBe('reachable');
      expect(outcome(lines, 'chat-xmpp', 'tcp')).toBe('blocked');
      expect(outcome(lines, 'mypascom-services', 'http')).toBe('blocked');
      expect(lines).toContain(
        `chat-xmpp 5222/tcp tcp ${LOCAL}: blocked - open 5222/tcp outbound to ${LOCAL}; see https://ports.pascom.example/rules/chat-xmpp/`,
      );
      expect(lines).toContain(
        '  rtp-voice 30000-35000/udp: these UDP ports carry media only during a call and nothing answers a probe on them; make a test call instead',
      );
      expect(lines).toContain(
        'Summary: 3 reachable, 0 certificate not trusted, 2 blocked, 0 could not test; names not resolving: 0.',
      );
      expect(status).toBe(1);
    });

    test('exits 0 when every check gets through', async () => {
      const plan = planChecks(
        toSnippetInput(cloud, ['sip-tls', 'phone-provisioning']),
        DEFAULT_SETTINGS,
        SITE,
      );
      const script = spellCheckScript(
        pointAtLocal(plan, (_ruleId, kind) => (kind === 'tls' ? ports.tls : ports.tcp)),
        'linux-macos',
      );
      const { status, lines } = await run(script);
      expect(lines).toContain(
        'Summary: 2 reachable, 0 certificate not trusted, 0 blocked, 0 could not test; names not resolving: 0.',
      );
      expect(status).toBe(0);
    });

    test('Onsite inbound checks run against the address given on the command line', async () => {
      const onsite = loadContent().deployments.find((view) => view.id === 'onsite')!;
      const plan = planChecks(
        toSnippetInput(onsite, ['sip-tls', 'chat-xmpp', 'ntp-time']),
        DEFAULT_SETTINGS,
        SITE,
      );
      // Only the ports move; the inbound checks keep connecting to ADDRESS.
      const script = spellCheckScript(
        {
          ...plan,
          modes: plan.modes.map((mode) => ({
            ...mode,
            checks: mode.checks.map((check) => ({
              ...check,
              port: check.kind === 'tls' ? ports.tls : ports.closed,
            })),
          })),
        },
        'linux-macos',
      );
      const missingAddress = await run(script, ['inbound']);
      expect(missingAddress.status).toBe(2);
      const { status, lines } = await run(script, ['inbound', LOCAL]);
      expect(outcome(lines, 'sip-tls', 'tls'), lines.join('\n')).toBe('reachable');
      expect(outcome(lines, 'chat-xmpp', 'tcp')).toBe('blocked');
      expect(lines.join('\n')).toContain('allow 5222/tcp inbound to your pascom server at 127.0.0.1');
      expect(lines.join('\n')).not.toContain('ntp-time');
      expect(status).toBe(1);
      const outbound = await run(script, ['outbound']);
      expect(outbound.lines).toContain(
        '  ntp-time 123/udp: a UDP service whose answers only its own client can tell apart from silence',
      );
      expect(outbound.status).toBe(0);
    });

    test('the German script says the same in German', async () => {
      const german = loadGermanContent().deployments.find((view) => view.id === 'cloud')!;
      const plan = planChecks(
        toSnippetInput(german, ['phone-provisioning', 'chat-xmpp'], 'de'),
        DEFAULT_SETTINGS,
        SITE,
      );
      const script = spellCheckScript(
        pointAtLocal(plan, (ruleId) => (ruleId === 'phone-provisioning' ? ports.tcp : ports.closed)),
        'linux-macos',
      );
      const { status, lines } = await run(script);
      expect(outcome(lines, 'phone-provisioning', 'tcp'), lines.join('\n')).toBe('erreichbar');
      expect(outcome(lines, 'chat-xmpp', 'tcp')).toBe('blockiert');
      expect(lines.join('\n')).toContain(
        'geben Sie 5222/tcp ausgehend zu 127.0.0.1 frei; siehe https://ports.pascom.example/de/rules/chat-xmpp/',
      );
      expect(lines).toContain(
        'Ergebnis: 1 erreichbar, 0 Zertifikat nicht vertrauenswürdig, 1 blockiert, 0 nicht testbar; nicht aufgelöste Namen: 0.',
      );
      expect(status).toBe(1);
    });

    test.each([
      ['a TCP check that never connects', (text: string) => text.replace('exec 3<>"/dev/tcp/$1/$2"', 'true')],
      [
        'a failure that does not count',
        (text: string) =>
          text.replace(
            `    failed=$((failed + 1))\n    say "$line: "'blocked'`,
            `    say "$line: "'blocked'`,
          ),
      ],
    ])('the test sees %s', async (_name, plant) => {
      const good = cloudScript();
      const planted = plant(good);
      expect(planted).not.toBe(good);
      const { status, lines } = await run(planted);
      const right =
        outcome(lines, 'chat-xmpp', 'tcp') === 'blocked' &&
        outcome(lines, 'phone-provisioning', 'tcp') === 'reachable' &&
        status === 1;
      expect(right).toBe(false);
    });
  },
);

/*
 * The published Cloud script, unchanged, in throw-away network namespaces: each case gets its own
 * loopback with IPv4 and IPv6, listeners on the real ports (tests/check-servers/listeners.mjs),
 * its own /etc/hosts (bind-mounted in a mount namespace of its own) and firewall rules that drop
 * or reject per family. Needs root for the namespaces; the cases run side by side, and each
 * address waits 2 s (PASCOM_CHECK_TIMEOUT) instead of 5.
 */
const namespaceMissing =
  process.getuid?.() !== 0
    ? 'needs root for network namespaces'
    : missingPrograms(['bash', 'openssl', 'curl', 'unshare', 'ip', 'iptables', 'ip6tables', 'awk']);

const LISTENERS = join(import.meta.dirname, '../check-servers/listeners.mjs');
const HOSTS = [
  '127.0.0.1 localhost',
  '::1 localhost',
  '127.0.0.1 acme.pascom.cloud mypascom.net',
  '::1 acme.pascom.cloud mypascom.net',
].join('\n');

/** Where the namespace cases keep their certificate, hosts file and tool directories. */
let nsDir = '';

/** A directory of links to the programs a script may use, without getent; with a stand-in dscacheutil if asked. */
function toolDirectory(name: string, withDscacheutil: boolean): string {
  const bin = join(nsDir, name);
  mkdirSync(bin);
  for (const program of ['bash', 'env', 'sleep', 'awk', 'curl', 'openssl']) {
    const path = commandPath(program);
    if (path !== undefined) symlinkSync(path, join(bin, program));
  }
  if (withDscacheutil) {
    // Answers `dscacheutil -q host -a name NAME` from /etc/hosts in macOS's output format.
    writeFileSync(
      join(bin, 'dscacheutil'),
      [
        '#!/bin/bash',
        `awk -v name="$5" '{ for (i = 2; i <= NF; i++) if ($i == name) print "name: " name "\\n" ($1 ~ /:/ ? "ipv6_address: " : "ip_address: ") $1 "\\n" }' /etc/hosts`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
  }
  return bin;
}

beforeAll(() => {
  if (namespaceMissing !== undefined) return;
  nsDir = mkdtempSync(join(tmpdir(), 'pascom-check-netns-'));
  const result = makeTestCertificate({
    keyFile: join(nsDir, 'key.pem'),
    certFile: join(nsDir, 'cert.pem'),
    commonName: 'acme.pascom.cloud',
    altNames: 'DNS:acme.pascom.cloud,DNS:mypascom.net,IP:127.0.0.1,IP:::1',
  });
  if (result.status !== 0) throw new Error(`openssl req failed: ${result.stderr}`);
  writeFileSync(join(nsDir, 'hosts'), `${HOSTS}\n`);
  writeFileSync(
    join(nsDir, 'hosts-without-instance'),
    `${HOSTS.split('\n').slice(0, 2).join('\n')}\n127.0.0.1 mypascom.net\n`,
  );
  toolDirectory('no-getent', false);
  toolDirectory('macos', true);
});

afterAll(() => {
  if (nsDir !== '') rmSync(nsDir, { recursive: true, force: true });
});

interface NamespaceCase {
  script: string;
  args: string[];
  /** iptables and ip6tables commands, run in the namespace before the listeners start. */
  firewall?: string[];
  hosts?: 'hosts' | 'hosts-without-instance';
  /** The script's PATH: the machine's, or a tool directory without getent. */
  tools?: 'all' | 'no-getent' | 'macos';
  env?: Record<string, string>;
}

let caseNumber = 0;

/** Runs the script in a network, mount and PID namespace of its own; everything in it ends with it. */
function runInNamespace(given: NamespaceCase): Promise<{ status: number | null; lines: string[] }> {
  caseNumber += 1;
  const name = `case-${caseNumber}`;
  const script = join(nsDir, `${name}.sh`);
  writeFileSync(script, given.script);
  const path =
    given.tools === undefined || given.tools === 'all'
      ? (process.env.PATH ?? '/usr/bin:/bin')
      : join(nsDir, given.tools);
  const environment = {
    PATH: path,
    LC_ALL: 'C',
    PASCOM_CHECK_TIMEOUT: '2',
    ...given.env,
  };
  const setup = [
    'set -e',
    'ip link set lo up',
    ...(given.firewall ?? []),
    `mount --bind ${shellQuote(join(nsDir, given.hosts ?? 'hosts'))} /etc/hosts`,
    `${shellQuote(process.execPath)} ${shellQuote(LISTENERS)} ${shellQuote(join(nsDir, 'key.pem'))} ${shellQuote(join(nsDir, 'cert.pem'))} ${shellQuote(join(nsDir, `${name}.ready`))} tcp=8884,5222,19302,8885 tls=5061,636 http=80 https=443 &`,
    `for _ in $(seq 500); do [ -e ${shellQuote(join(nsDir, `${name}.ready`))} ] && break; sleep 0.02; done`,
    'set +e',
    `env -i ${Object.entries(environment)
      .map(([key, value]) => shellQuote(`${key}=${value}`))
      .join(' ')} bash ${shellQuote(script)} "$@"`,
  ].join('\n');
  return new Promise((resolve) => {
    const child = spawn('unshare', [
      '--net',
      '--mount',
      '--pid',
      '--fork',
      'bash',
      '-c',
      setup,
      'netns',
      ...given.args,
    ]);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, lines: output.split('\n') }));
  });
}

/** A check's verdict line and its per-address lines (sorted, as the resolver's order may vary). */
function verdict(lines: string[], start: string): string[] {
  const index = lines.findIndex((line) => line.startsWith(start));
  if (index < 0) return [];
  const details: string[] = [];
  for (const line of lines.slice(index + 1)) {
    if (!line.startsWith('  IPv')) break;
    details.push(line);
  }
  return [lines[index]!, ...details.sort()];
}

function publishedCloudScript(lang: 'en' | 'de' = 'en'): string {
  const view =
    lang === 'en' ? cloud : loadGermanContent().deployments.find((candidate) => candidate.id === 'cloud')!;
  return spellCheckScript(
    planChecks(toSnippetInput(view, undefined, lang), DEFAULT_SETTINGS, SITE),
    'linux-macos',
  );
}

const TRUSTED = () => ({ CURL_CA_BUNDLE: join(nsDir, 'cert.pem') });
const BOTH = (port: number, kind: string, host = 'acme.pascom.cloud', words = 'reachable') => [
  `${port}/tcp ${kind} ${host}: ${words}`,
  `  IPv4 127.0.0.1: ${words}`,
  `  IPv6 ::1: ${words}`,
];

describe.skipIf(namespaceMissing !== undefined)(
  `the published bash check script in network namespaces${namespaceMissing ? ` (skipped: ${namespaceMissing})` : ''}`,
  () => {
    test.concurrent(
      'with every port open on both families, a URL as ADDRESS is reduced to its host',
      async () => {
        const { status, lines } = await runInNamespace({
          script: publishedCloudScript(),
          args: ['https://acme.pascom.cloud/'],
          env: TRUSTED(),
        });
        const text = lines.join('\n');
        expect(lines, text).toContain('Testing acme.pascom.cloud, taken from https://acme.pascom.cloud/.');
        expect(lines.find((line) => line.startsWith('DNS acme.pascom.cloud: '))).toMatch(
          /^DNS acme\.pascom\.cloud: resolves to (127\.0\.0\.1 ::1|::1 127\.0\.0\.1)$/,
        );
        const [first, ...rest] = BOTH(5061, 'tls');
        expect(verdict(lines, 'sip-tls 5061/tcp')).toEqual([`sip-tls ${first}`, ...rest]);
        expect(verdict(lines, 'chat-xmpp 5222/tcp')).toEqual([
          'chat-xmpp 5222/tcp tcp acme.pascom.cloud: reachable',
          '  IPv4 127.0.0.1: reachable',
          '  IPv6 ::1: reachable',
        ]);
        expect(verdict(lines, 'mypascom-services 443/tcp')).toEqual([
          'mypascom-services 443/tcp https mypascom.net: reachable',
          '  IPv4 127.0.0.1: reachable',
          '  IPv6 ::1: reachable',
        ]);
        expect(lines).toContain(
          'Summary: 8 reachable, 0 certificate not trusted, 0 blocked, 0 could not test; names not resolving: 0.',
        );
        expect(text).not.toContain('proxy');
        expect(status).toBe(0);
      },
    );

    test.concurrent('with DROP and REJECT per family, each address says what it met', async () => {
      const { status, lines } = await runInNamespace({
        script: publishedCloudScript(),
        args: ['acme.pascom.cloud:5061'],
        env: TRUSTED(),
        firewall: [
          'ip6tables -A INPUT -p tcp --dport 5061 -j DROP',
          'ip6tables -A INPUT -p tcp --dport 8884 -j DROP',
          'iptables -A INPUT -p tcp --dport 636 -j REJECT --reject-with tcp-reset',
          'iptables -A INPUT -p tcp --dport 8885 -j DROP',
          'ip6tables -A INPUT -p tcp --dport 8885 -j REJECT --reject-with tcp-reset',
          'iptables -A INPUT -p tcp --dport 443 -j REJECT --reject-with tcp-reset',
          'ip6tables -A INPUT -p tcp --dport 443 -j DROP',
        ],
      });
      const text = lines.join('\n');
      expect(lines, text).toContain('Testing acme.pascom.cloud, taken from acme.pascom.cloud:5061.');
      // IPv6 dropped, IPv4 open: reachable, and the line says which family did not answer.
      expect(verdict(lines, 'sip-tls 5061/tcp')).toEqual([
        'sip-tls 5061/tcp tls acme.pascom.cloud: reachable',
        '  IPv4 127.0.0.1: reachable',
        '  IPv6 ::1: no answer within 2 s',
      ]);
      expect(verdict(lines, 'phone-provisioning 8884/tcp')).toEqual([
        'phone-provisioning 8884/tcp tcp acme.pascom.cloud: reachable',
        '  IPv4 127.0.0.1: reachable',
        '  IPv6 ::1: no answer within 2 s',
      ]);
      // IPv4 rejected, IPv6 open.
      expect(verdict(lines, 'ldaps-phonebook 636/tcp')).toEqual([
        'ldaps-phonebook 636/tcp tls acme.pascom.cloud: reachable',
        '  IPv4 127.0.0.1: refused or no route',
        '  IPv6 ::1: reachable',
      ]);
      // Both families closed, one dropping, one rejecting: blocked, with what to open.
      expect(verdict(lines, 'vpn-tunnel 8885/tcp')).toEqual([
        'vpn-tunnel 8885/tcp tcp acme.pascom.cloud: blocked - open 8885/tcp outbound to acme.pascom.cloud; see https://ports.pascom.example/rules/vpn-tunnel/',
        '  IPv4 127.0.0.1: no answer within 2 s',
        '  IPv6 ::1: refused or no route',
      ]);
      expect(verdict(lines, 'mypascom-services 443/tcp')).toEqual([
        'mypascom-services 443/tcp https mypascom.net: blocked - open 443/tcp outbound to mypascom.net; see https://ports.pascom.example/rules/mypascom-services/',
        '  IPv4 127.0.0.1: refused or no route',
        '  IPv6 ::1: no answer within 2 s',
      ]);
      expect(verdict(lines, 'mypascom-services 80/tcp')).toEqual([
        'mypascom-services 80/tcp http mypascom.net: reachable',
        '  IPv4 127.0.0.1: reachable',
        '  IPv6 ::1: reachable',
      ]);
      expect(lines).toContain(
        'Summary: 6 reachable, 0 certificate not trusted, 2 blocked, 0 could not test; names not resolving: 0.',
      );
      expect(status).toBe(1);
    });

    test.concurrent('a proxy in the environment is named and not used', async () => {
      const dead = 'http://127.0.0.1:9';
      const { status, lines } = await runInNamespace({
        script: publishedCloudScript(),
        args: ['acme.pascom.cloud'],
        env: { ...TRUSTED(), https_proxy: dead, HTTP_PROXY: dead, ALL_PROXY: dead },
      });
      expect(lines, lines.join('\n')).toContain(
        'Not using the proxy set in https_proxy HTTP_PROXY ALL_PROXY: these checks test direct connections through your firewall.',
      );
      expect(verdict(lines, 'mypascom-services 80/tcp')[0]).toBe(
        'mypascom-services 80/tcp http mypascom.net: reachable',
      );
      expect(verdict(lines, 'mypascom-services 443/tcp')[0]).toBe(
        'mypascom-services 443/tcp https mypascom.net: reachable',
      );
      expect(status).toBe(0);
    });

    test.concurrent(
      'a certificate this machine does not trust reads "reachable, certificate not trusted"',
      async () => {
        const { status, lines } = await runInNamespace({
          script: publishedCloudScript(),
          args: ['acme.pascom.cloud'],
        });
        expect(verdict(lines, 'mypascom-services 443/tcp'), lines.join('\n')).toEqual([
          'mypascom-services 443/tcp https mypascom.net: reachable, certificate not trusted - this machine does not trust the certificate it got from mypascom.net: if a firewall or proxy inspects TLS, exempt mypascom.net from it',
          '  IPv4 127.0.0.1: reachable, certificate not trusted',
          '  IPv6 ::1: reachable, certificate not trusted',
        ]);
        expect(lines).toContain(
          'Summary: 7 reachable, 1 certificate not trusted, 0 blocked, 0 could not test; names not resolving: 0.',
        );
        expect(status).toBe(1);
      },
    );

    test.concurrent('without getent or dscacheutil a name could not be tested, never "blocked"', async () => {
      const { status, lines } = await runInNamespace({
        script: publishedCloudScript(),
        args: ['acme'],
        env: TRUSTED(),
        tools: 'no-getent',
      });
      const text = lines.join('\n');
      expect(lines, text).toContain(
        'DNS acme.pascom.cloud: could not test (neither getent nor dscacheutil is there to ask the system resolver)',
      );
      expect(lines).toContain(
        'sip-tls 5061/tcp tls acme.pascom.cloud: could not test (the name could not be looked up)',
      );
      expect(lines).toContain(
        'mypascom-services 443/tcp https mypascom.net: could not test (the name could not be looked up)',
      );
      expect(text).not.toContain('blocked -');
      expect(lines).toContain(
        'Summary: 0 reachable, 0 certificate not trusted, 0 blocked, 8 could not test; names not resolving: 0.',
      );
      expect(status).toBe(3);
    });

    test.concurrent(
      'on macOS names go through dscacheutil, the system resolver, /etc/hosts included',
      async () => {
        const { status, lines } = await runInNamespace({
          script: publishedCloudScript(),
          args: ['acme'],
          env: TRUSTED(),
          tools: 'macos',
        });
        expect(lines, lines.join('\n')).toContain('DNS acme.pascom.cloud: resolves to 127.0.0.1 ::1');
        expect(verdict(lines, 'chat-xmpp 5222/tcp')).toEqual([
          'chat-xmpp 5222/tcp tcp acme.pascom.cloud: reachable',
          '  IPv4 127.0.0.1: reachable',
          '  IPv6 ::1: reachable',
        ]);
        expect(status).toBe(0);
      },
    );

    test.concurrent(
      'a name that does not resolve is counted on its own, and its checks are not run',
      async () => {
        const { status, lines } = await runInNamespace({
          script: publishedCloudScript(),
          args: ['--', 'nope'],
          env: TRUSTED(),
          hosts: 'hosts-without-instance',
        });
        expect(lines, lines.join('\n')).toContain(
          'DNS nope.pascom.cloud: does not resolve - check the DNS settings of this machine and that the name is spelt right',
        );
        expect(lines).toContain(
          'sip-tls 5061/tcp tls nope.pascom.cloud: could not test (the name does not resolve)',
        );
        expect(verdict(lines, 'mypascom-services 443/tcp')).toEqual([
          'mypascom-services 443/tcp https mypascom.net: reachable',
          '  IPv4 127.0.0.1: reachable',
        ]);
        expect(lines).toContain(
          'Summary: 2 reachable, 0 certificate not trusted, 0 blocked, 6 could not test; names not resolving: 1.',
        );
        expect(status).toBe(1);
      },
    );

    test.concurrent('the German script gives the same verdicts in German', async () => {
      const { status, lines } = await runInNamespace({
        script: publishedCloudScript('de'),
        args: ['acme.pascom.cloud'],
        env: TRUSTED(),
        firewall: [
          'ip6tables -A INPUT -p tcp --dport 5222 -j DROP',
          'iptables -A INPUT -p tcp --dport 5222 -j REJECT --reject-with tcp-reset',
        ],
      });
      expect(verdict(lines, 'chat-xmpp 5222/tcp'), lines.join('\n')).toEqual([
        'chat-xmpp 5222/tcp tcp acme.pascom.cloud: blockiert - geben Sie 5222/tcp ausgehend zu acme.pascom.cloud frei; siehe https://ports.pascom.example/de/rules/chat-xmpp/',
        '  IPv4 127.0.0.1: abgewiesen oder keine Route',
        '  IPv6 ::1: keine Antwort innerhalb von 2 s',
      ]);
      expect(lines).toContain(
        'Ergebnis: 7 erreichbar, 0 Zertifikat nicht vertrauenswürdig, 1 blockiert, 0 nicht testbar; nicht aufgelöste Namen: 0.',
      );
      expect(status).toBe(1);
    });
  },
);

describe.skipIf(missing !== undefined)('ADDRESS is a host name, an IPv4 or an IPv6 address', () => {
  test.each([['--help'], ['-x'], ['acme.pascom.cloud:sip'], ['acme;reboot'], ['https://']])(
    '%s is refused with exit code 2 and what to type',
    async (given) => {
      const { status, lines } = await run(publishedCloudScript(), [given]);
      expect(lines, lines.join('\n')).toContain(
        `"${given}" is not a host name or an IP address. Type the name or address alone, without https:// or a port: bash pascom-check-cloud.sh ADDRESS`,
      );
      expect(lines.some((line) => line.startsWith('DNS '))).toBe(false);
      expect(status).toBe(2);
    },
  );
});

describe.skipIf(missing !== undefined)('the bash script reads ADDRESS as the Windows script does', () => {
  /** The script's own use_address function, run on its own. */
  const script = publishedCloudScript();
  const useAddress = script.slice(
    script.indexOf('use_address() {'),
    script.indexOf('\n}\n', script.indexOf('use_address() {')) + 3,
  );
  test.each(ADDRESS_CASES)('%s', async (given, host) => {
    const program = `say() { :; }\n${useAddress}\nif use_address "$1"; then printf '%s' "$target"; else printf refused; fi\n`;
    const result = await new Promise<string>((resolve) => {
      const child = spawn('bash', ['-c', program, 'bash', given]);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', () => resolve(output));
    });
    expect(result).toBe(host ?? 'refused');
  });
});
