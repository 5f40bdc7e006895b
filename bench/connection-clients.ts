import { io, type Socket } from 'socket.io-client';
import type { HeldMessage } from './ipc.ts';

/**
 * Idle connections for bench/connections.ts, from a process of their own: `cascade` opens
 * visitor sockets of the demo site, `bare` opens sockets that each join a room of their own.
 * They stay open until the process is killed.
 */
const [mode, url = '', siteKey = '', countArg = '0'] = process.argv.slice(2);
const count = Number(countArg);

const sockets: Socket[] = [];
const open = (i: number) =>
  new Promise<void>((resolve, reject) => {
    const auth = mode === 'cascade' ? { siteKey } : { room: `v${process.pid}x${i}` };
    const s = io(mode === 'cascade' ? `${url}/visitor` : url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth,
    });
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
    sockets.push(s);
  });

for (let i = 0; i < count; i += 100) {
  await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)));
}
process.send?.({ type: 'held', count: sockets.length } satisfies HeldMessage);
