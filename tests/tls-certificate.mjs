// A throw-away self-signed certificate for the servers the tests start on 127.0.0.1 (nginx, the
// connectivity check's HTTPS server, the check scripts' TLS and HTTPS listeners), made by openssl.
import { spawnSync } from 'node:child_process';

/**
 * Writes a key and a self-signed certificate (EC P-256, valid for two days) and returns openssl's
 * result, whose `status` is 0 when both were written.
 * @param {{ keyFile: string, certFile: string, commonName: string, altNames?: string }} options
 *   `altNames` is the subjectAltName value, such as "IP:127.0.0.1,DNS:localhost".
 */
export function makeTestCertificate({ keyFile, certFile, commonName, altNames }) {
  return spawnSync(
    'openssl',
    [
      ...[
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
      ],
      ...['-subj', `/CN=${commonName}`],
      ...(altNames === undefined ? [] : ['-addext', `subjectAltName=${altNames}`]),
      ...['-keyout', keyFile, '-out', certFile],
    ],
    { encoding: 'utf8' },
  );
}
