// The servers a check script meets inside a throw-away network namespace
// (tests/unit/check-scripts-run.test.ts): plain TCP, TLS, HTTP and HTTPS listeners on the ports the
// data names, each on IPv4 and IPv6 (one dual-stack socket on ::). The namespace has only its own
// loopback, so nothing leaves it. Usage:
//   node listeners.mjs KEY CERT READY tcp=8884,5222 tls=5061 http=80 https=443
// It writes the file READY once every port listens, and runs until the namespace ends.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

const [keyFile, certFile, readyFile, ...kinds] = process.argv.slice(2);
const tls = { key: readFileSync(keyFile), cert: readFileSync(certFile) };

const makers = {
  tcp: () => createTcpServer((socket) => socket.end()),
  tls: () => createTlsServer(tls, (socket) => socket.end()),
  http: () => createHttpServer((_request, response) => response.end('ok')),
  https: () => createHttpsServer(tls, (_request, response) => response.end('ok')),
};

const listening = kinds.flatMap((kind) => {
  const [name, ports] = kind.split('=');
  return (ports ?? '')
    .split(',')
    .filter((port) => port !== '')
    .map(
      (port) =>
        new Promise((resolve, reject) => {
          const server = makers[name]();
          server.once('error', reject);
          server.listen({ port: Number(port), host: '::', ipv6Only: false }, resolve);
        }),
    );
});

await Promise.all(listening);
writeFileSync(readyFile, 'ready\n');
