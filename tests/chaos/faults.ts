import { createClient } from 'redis';
import type { ServerProcess } from '../support/processes.ts';
import type { Cluster } from './cluster.ts';

/** The length of a fault or of traffic between faults: a duration, not a wait for an event. */
export const hold = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** kill -9 of one process; a supervisor starts it again on the same port (it resolves once it listens). */
export async function killProcess(server: ServerProcess): Promise<void> {
  await server.kill('SIGKILL');
  await server.restart();
}

/** The process stops answering anything (SIGSTOP) for `ms`, then carries on (SIGCONT). */
export async function hangProcess(server: ServerProcess, ms: number): Promise<void> {
  server.child.kill('SIGSTOP');
  try {
    await hold(ms);
  } finally {
    server.child.kill('SIGCONT');
  }
}

/** kill -9 of Redis, down for `downMs`, then started again: it loads its AOF. */
export async function killRedis(cluster: Cluster, downMs: number): Promise<void> {
  await cluster.redis.kill('SIGKILL');
  await hold(downMs);
  await cluster.redis.start();
}

/**
 * `CLIENT KILL TYPE pubsub` on the private Redis every `everyMs` for `forMs`: every process's
 * subscribers (the Socket.IO adapter, the fan-out) are cut again and again. Returns how many
 * connections were closed.
 */
export async function dropPubSub(cluster: Cluster, forMs: number, everyMs: number): Promise<number> {
  const redis = createClient({ url: cluster.redis.url });
  await redis.connect();
  let closed = 0;
  try {
    for (const end = Date.now() + forMs; Date.now() < end;) {
      closed += Number(await redis.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']));
      await hold(everyMs);
    }
  } finally {
    await redis.close();
  }
  return closed;
}
