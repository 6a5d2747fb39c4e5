// The servers the connectivity check's browser tests contact, all on 127.0.0.1: Debian's coturn
// as the STUN servers on the ports the data names, an HTTPS server with a throw-away certificate
// for the HTTPS checks, and a DNS server that answers the pascom names (dns.mjs).
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCertificate } from '../tls-certificate.mjs';

/** Whether a STUN server answers a binding request on 127.0.0.1:port within the time. */
function stunAnswers(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const request = Buffer.concat([Buffer.from([0, 1, 0, 0, 0x21, 0x12, 0xa4, 0x42]), randomBytes(12)]);
    const done = (answer) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('message', (message) => done(message.readUInt16BE(0) === 0x0101));
    socket.on('error', () => done(false));
    socket.send(request, port, '127.0.0.1');
  });
}

/** Starts coturn as a plain STUN server on 127.0.0.1:port and waits until it answers. */
export async function startStun(port) {
  const child = spawn(
    'turnserver',
    [
      '-n',
      '--no-cli',
      '--stun-only',
      '--no-auth',
      '--no-tls',
      '--no-dtls',
      '-L',
      '127.0.0.1',
      '-p',
      String(port),
      '--log-file',
      'stdout',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (await stunAnswers(port, 250)) return child;
    if (child.exitCode !== null) break;
  }
  child.kill();
  throw new Error(`coturn did not answer STUN on 127.0.0.1:${port}`);
}

/** Stops a server started by startStun and waits until it has exited. */
export function stopStun(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** An HTTPS server on 127.0.0.1:port with a throw-away self-signed certificate; it answers 204. */
export async function startHttps(port) {
  const dir = mkdtempSync(join(tmpdir(), 'check-https-'));
  const made = makeTestCertificate({
    keyFile: join(dir, 'key.pem'),
    certFile: join(dir, 'cert.pem'),
    commonName: 'localhost',
  });
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  const server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (request, response) => response.writeHead(204).end(),
  );
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** Stops an HTTPS server and drops its open connections, so nothing reaches it afterwards. */
export function stopHttps(server) {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
