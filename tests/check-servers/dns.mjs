// A DNS server for the browser tests that answers every A query for the names it is given with
// 127.0.0.1, and every other query with an empty answer. Chromium resolves the STUN servers of
// WebRTC through DNS only (its --host-resolver-rules and /etc/hosts do not reach those lookups),
// so the tests point the browser's resolver at this server.
import { createSocket } from 'node:dgram';

/** The name of a DNS question, and the offset where its type follows. */
function readName(message, offset) {
  const labels = [];
  let at = offset;
  while (message[at] !== 0) {
    const length = message[at];
    labels.push(message.subarray(at + 1, at + 1 + length).toString('ascii'));
    at += length + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: at + 1 };
}

/**
 * Starts the server on 127.0.0.1:port; `names` are exact names or "*.domain" patterns.
 * @returns {Promise<import('node:dgram').Socket>}
 */
export function startDnsServer(port, names) {
  const matches = (name) =>
    names.some((pattern) => (pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) : name === pattern));
  const socket = createSocket('udp4');
  socket.on('message', (query, remote) => {
    if (query.length < 12) return;
    const { name, end } = readName(query, 12);
    const type = query.readUInt16BE(end);
    const question = query.subarray(12, end + 4);
    const answer = type === 1 && matches(name);
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180 | (matches(name) ? 0 : 3), 2); // response, recursion available; NXDOMAIN for other names
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answer ? 1 : 0, 6);
    const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, 127, 0, 0, 1]);
    socket.send(Buffer.concat([header, question, ...(answer ? [record] : [])]), remote.port, remote.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}
