/**
 * The bash check script run for real, against servers on 127.0.0.1: a TCP
 * listener, a TLS server and an HTTPS server with a throwaway certificate, and a
 * port nobody listens on. The plan's hosts and ports are pointed at them in
 * TypeScript, so the script under test is the one the site publishes, only
 * with other addresses in it. Nothing leaves the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { missingPrograms } from '../snippet-checks/run-tool';
import { makeTestCertificate } from '../tls-certificate.mjs';
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
      expect(lines).toContain('Summary: 3 reachable, 2 blocked, 0 could not test.');
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
      expect(lines).toContain('Summary: 2 reachable, 0 blocked, 0 could not test.');
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
      expect(lines).toContain('Ergebnis: 1 erreichbar, 1 blockiert, 0 nicht testbar.');
      expect(status).toBe(1);
    });

    test.each([
      ['a TCP check that never connects', (text: string) => text.replace('exec 3<>"/dev/tcp/$1/$2"', 'true')],
      [
        'a failure that does not count',
        (text: string) => text.replace('*) failed=$((failed + 1)); say', '*) say'),
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
