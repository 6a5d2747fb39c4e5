// The nginx configuration the browser tests serve the site with: the README's server block
// for self-hosting, unchanged except for where it listens and where its files are, inside a
// minimal main configuration that runs nginx as a user process under a temporary prefix.
//
// The README is the one source: the block is read from it, so what the tests prove is what
// the README tells admins to write.

/**
 * The one `nginx` fenced block of the README (the server block for self-hosting).
 *
 * @param {string} readme
 * @returns {string}
 */
export function readmeServerBlock(readme) {
  const blocks = [...readme.matchAll(/^ *```nginx\n([\s\S]*?)^ *```$/gm)].map((match) => match[1] ?? '');
  if (blocks.length !== 1) {
    throw new Error(
      `README.md must have exactly one nginx code block (the server block), found ${blocks.length}`,
    );
  }
  const lines = blocks[0].split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)[0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/**
 * The places the README's block names that differ on a test machine: the public TLS
 * port (of the site and of the default server that refuses other names), the site's name,
 * the certificate files and the site folder. Each must occur in the block, so a
 * README that changes them makes the tests stop with this list rather than serve
 * something else.
 */
export const SUBSTITUTIONS = {
  listen: 'listen 443 ssl;',
  defaultListen: 'listen 443 ssl default_server;',
  // The tests address nginx as 127.0.0.1, so that is the site's name there.
  serverName: 'server_name ports.pascom.example;',
  tls: '/etc/ssl/pascom-ports/',
  site: '/srv/pascom-ports/',
};

/**
 * The README's server block as the tests run it.
 *
 * @param {string} block the block from the README
 * @param {{ port: number, siteDir: string, tlsDir: string }} where site folder (holding
 *   dist/ and security-headers.nginx.conf) and certificate folder, absolute, ending in "/"
 */
export function testServerBlock(block, { port, siteDir, tlsDir }) {
  for (const [name, text] of Object.entries(SUBSTITUTIONS)) {
    if (!block.includes(text))
      throw new Error(`the README's nginx block no longer contains ${name} "${text}"`);
  }
  for (const dir of [siteDir, tlsDir]) {
    if (!/^\/[^\s;{}'"#$]*\/$/.test(dir)) {
      throw new Error(`"${dir}" cannot be written into an nginx configuration unquoted; use a plain path`);
    }
  }
  return block
    .replaceAll(SUBSTITUTIONS.listen, `listen 127.0.0.1:${port} ssl;`)
    .replaceAll(SUBSTITUTIONS.defaultListen, `listen 127.0.0.1:${port} ssl default_server;`)
    .replaceAll(SUBSTITUTIONS.serverName, 'server_name 127.0.0.1;')
    .replaceAll(SUBSTITUTIONS.tls, tlsDir)
    .replaceAll(SUBSTITUTIONS.site, siteDir);
}

/**
 * A main configuration that runs nginx in the foreground under `prefix`, with its pid,
 * logs and temporary files there, and includes the server block from `prefix/site.conf`.
 *
 * @param {{ prefix: string, user?: string | undefined }} options `user` names the account of the
 *   worker processes when nginx is started by root (it reads the site as that account).
 */
export function mainConfig({ prefix, user }) {
  return [
    'daemon off;',
    'worker_processes 1;',
    ...(user ? [`user ${user};`] : []),
    `pid ${prefix}/nginx.pid;`,
    'error_log stderr warn;',
    'events { worker_connections 256; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `    ${kind}_temp_path ${prefix}/${kind};`,
    ),
    `    include ${prefix}/site.conf;`,
    '}',
    '',
  ].join('\n');
}
