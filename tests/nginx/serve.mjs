// Serves the built site with Debian's nginx, configured with the README's server block and
// the security-headers.nginx.conf the build writes, for the browser tests' nginx project:
//
//   node tests/nginx/serve.mjs --port 4339
//
// nginx runs in the foreground as a user process under a temporary prefix (configuration,
// pid, a throw-away self-signed certificate), listens on 127.0.0.1 only, and is stopped and
// its prefix removed when this process gets SIGTERM or SIGINT.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mainConfig, readmeServerBlock, testServerBlock } from './config.mjs';
import { makeTestCertificate } from '../tls-certificate.mjs';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const { values } = parseArgs({ options: { port: { type: 'string', default: '4339' } } });

function refuse(message) {
  console.error(`nginx test server: ${message}`);
  process.exit(1);
}

if (!existsSync(NGINX)) refuse(`${NGINX} not found: apt-get install nginx (or set NGINX_PATH).`);
const siteDir = `${resolve('.')}/`;
for (const file of ['dist/index.html', 'dist/404.html', 'security-headers.nginx.conf']) {
  if (!existsSync(join(siteDir, file))) refuse(`${file} is missing: build the site first (npm run build).`);
}

const prefix = mkdtempSync(join(tmpdir(), 'pascom-nginx-'));
const tlsDir = join(prefix, 'tls/');
mkdirSync(tlsDir);
const certificate = makeTestCertificate({
  keyFile: join(tlsDir, 'privkey.pem'),
  certFile: join(tlsDir, 'fullchain.pem'),
  commonName: '127.0.0.1',
  altNames: 'IP:127.0.0.1',
});
if (certificate.status !== 0) refuse(`openssl could not make a test certificate: ${certificate.stderr}`);

try {
  const block = readmeServerBlock(readFileSync('README.md', 'utf8'));
  writeFileSync(
    join(prefix, 'site.conf'),
    testServerBlock(block, { port: Number(values.port), siteDir, tlsDir }),
  );
  // Started by root, nginx would run its workers as "nobody", who may not read the checkout.
  const user = process.getuid?.() === 0 ? userInfo().username : undefined;
  writeFileSync(join(prefix, 'nginx.conf'), mainConfig({ prefix, user }));
} catch (error) {
  rmSync(prefix, { recursive: true, force: true });
  refuse(error instanceof Error ? error.message : String(error));
}

const args = ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr'];
const check = spawnSync(NGINX, [...args, '-t', '-q'], { encoding: 'utf8' });
if (check.status !== 0) {
  rmSync(prefix, { recursive: true, force: true });
  refuse(`the configuration from README.md does not load:\n${check.stderr}`);
}

const nginx = spawn(NGINX, args, { stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`nginx serves dist at https://127.0.0.1:${values.port}/ (pid ${nginx.pid}, prefix ${prefix})`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => nginx.kill('SIGTERM'));
nginx.on('exit', (code, signal) => {
  rmSync(prefix, { recursive: true, force: true });
  process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1));
});
