import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { mainConfig, readmeServerBlock, SUBSTITUTIONS, testServerBlock } from '../nginx/config.mjs';
import { makeTestCertificate } from '../tls-certificate.mjs';

// The browser tests' nginx project serves the site with the README's server block. These
// checks make sure that block is what they run and that nginx accepts it as written.

const readme = readFileSync('README.md', 'utf8');
const prefix = mkdtempSync(join(tmpdir(), 'nginx-config-'));
afterAll(() => rmSync(prefix, { recursive: true, force: true }));
const where = { port: 4339, siteDir: `${process.cwd()}/`, tlsDir: `${prefix}/tls/` };

test('the tests change only where the README block listens and where its files are', () => {
  const block = readmeServerBlock(readme);
  const served = testServerBlock(block, where).split('\n');
  const changed = block.split('\n').filter((line, index) => line !== served[index]);
  expect(served).toHaveLength(block.split('\n').length);
  for (const line of changed)
    expect(
      Object.values(SUBSTITUTIONS).some((text) => line.includes(text)),
      line,
    ).toBe(true);
  expect(served.join('\n')).toContain('include ' + `${process.cwd()}/security-headers.nginx.conf;`);
});

test('a README block that no longer names the public port is refused, not served differently', () => {
  const block = readmeServerBlock(readme).replace('listen 443 ssl;', 'listen 8443 ssl;');
  expect(() => testServerBlock(block, where)).toThrow(`no longer contains listen "listen 443 ssl;"`);
  expect(() => readmeServerBlock(`${readme}\n\`\`\`nginx\nserver {}\n\`\`\`\n`)).toThrow(
    'exactly one nginx code block (the server block), found 2',
  );
});

test.runIf(existsSync('/usr/sbin/nginx'))('nginx accepts the README block as the tests run it', () => {
  // A throw-away certificate stands in for the site's; security-headers.nginx.conf comes from the build.
  mkdirSync(where.tlsDir, { recursive: true });
  const certificate = makeTestCertificate({
    keyFile: `${where.tlsDir}privkey.pem`,
    certFile: `${where.tlsDir}fullchain.pem`,
    commonName: '127.0.0.1',
  });
  expect(certificate.status).toBe(0);
  const siteDir = join(prefix, 'site/');
  mkdirSync(join(siteDir, 'dist'), { recursive: true });
  writeFileSync(
    join(siteDir, 'security-headers.nginx.conf'),
    'add_header X-Content-Type-Options "nosniff" always;\n',
  );
  writeFileSync(join(prefix, 'site.conf'), testServerBlock(readmeServerBlock(readme), { ...where, siteDir }));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    mainConfig({ prefix, user: process.getuid?.() === 0 ? 'root' : undefined }),
  );
  const check = spawnSync(
    '/usr/sbin/nginx',
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr', '-t'],
    {
      encoding: 'utf8',
    },
  );
  expect(check.stderr).toContain('test is successful');
});
