import { randomBytes } from 'node:crypto';
import { cleanKeys, forkScript, nextMessage, startServer, type BenchServer } from './fork.ts';
import type { HeldMessage } from './ipc.ts';
import { report, round } from './support.ts';

/**
 * Memory per idle connection: 10,000 visitor sockets held by one Cascade process, opened from
 * other processes, with RSS and heap read inside the server after a full GC, before and after;
 * the same for a bare Socket.IO server with the same sharded Redis adapter, in the same run.
 * Each process holds one fd per socket: `ulimit -n` must allow the count (20,000 here).
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10_000);
const CLIENT_PROCESSES = 2;

async function perConnection(mode: 'cascade' | 'bare', prefix: string) {
  const server: BenchServer = await startServer(mode, prefix);
  try {
    const before = await server.memory();
    const share = Math.ceil(CONNECTIONS / CLIENT_PROCESSES);
    const clients = Array.from({ length: CLIENT_PROCESSES }, () =>
      forkScript('connection-clients.ts', [mode, server.url, server.siteKey ?? '', String(share)]),
    );
    const held = (await Promise.all(clients.map((c) => nextMessage<HeldMessage>(c, 'held')))).reduce(
      (n, m) => n + m.count,
      0,
    );
    const after = await server.memory();
    await Promise.all(clients.map((c) => new Promise((r) => c.once('exit', r).kill('SIGKILL'))));
    process.stderr.write(
      `${mode}: ${held} connections, rss ${before.rss} -> ${after.rss}, heap ${before.heapUsed} -> ${after.heapUsed}\n`,
    );
    return { held, rss: (after.rss - before.rss) / held, heap: (after.heapUsed - before.heapUsed) / held };
  } finally {
    await server.stop();
  }
}

const prefix = `bench${randomBytes(4).toString('hex')}`;
try {
  const bare = await perConnection('bare', `${prefix}bare`);
  const cascade = await perConnection('cascade', prefix);
  report('connections', {
    connections: cascade.held,
    rssBytesPerConnection: Math.round(cascade.rss),
    heapBytesPerConnection: Math.round(cascade.heap),
    bareRssBytesPerConnection: Math.round(bare.rss),
    bareHeapBytesPerConnection: Math.round(bare.heap),
    ratioRssToBare: round(cascade.rss / bare.rss),
    ratioHeapToBare: round(cascade.heap / bare.heap),
  });
} finally {
  await cleanKeys(prefix);
  await cleanKeys(`${prefix}bare`);
}
process.exit(0);
