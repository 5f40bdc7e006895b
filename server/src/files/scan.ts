import { connect } from 'node:net';

export type ScanResult = { clean: true } | { clean: false; reason: string };

/** Looks at a file before anyone else may see it; an installation plugs in its own (clamd here). */
export type Scanner = { scan(bytes: Buffer): Promise<ScanResult> };

export const noScan: Scanner = { scan: () => Promise.resolve({ clean: true }) };

const CHUNK = 64 * 1024;
const SCAN_TIMEOUT_MS = 30_000;

/** clamd's INSTREAM: length-prefixed chunks, a zero length to end, one line back (`stream: OK`). */
export function clamdScanner(url: string): Scanner {
  const { hostname, port } = new URL(url);
  return {
    scan: (bytes) =>
      new Promise<ScanResult>((resolve, reject) => {
        const socket = connect({ host: hostname, port: Number(port) || 3310 });
        socket.setTimeout(SCAN_TIMEOUT_MS, () => socket.destroy(new Error('clamd did not answer in time')));
        const reply: Buffer[] = [];
        socket.on('data', (d: Buffer) => reply.push(d));
        socket.on('error', reject);
        socket.on('end', () => {
          const answer = Buffer.concat(reply).toString('utf8').replace(/\0/g, '').trim();
          if (/: OK$/.test(answer)) resolve({ clean: true });
          else if (/FOUND$/.test(answer)) resolve({ clean: false, reason: answer.replace(/^stream: /, '') });
          else reject(new Error(`clamd: ${answer || 'no answer'}`));
        });
        socket.write('zINSTREAM\0');
        for (let i = 0; i < bytes.length; i += CHUNK) {
          const part = bytes.subarray(i, i + CHUNK);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(part.length);
          socket.write(size);
          socket.write(part);
        }
        socket.end(Buffer.alloc(4));
      }),
  };
}
