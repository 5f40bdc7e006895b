import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import type { ParentMessage, ServerMessage } from './ipc.ts';
import { REDIS_URL, dropBenchSchema } from './support.ts';

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** With BENCH_CPU_PROF_DIR set, every forked process writes a V8 CPU profile there when it exits. */
const profileDir = process.env.BENCH_CPU_PROF_DIR;
const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

/** A child running one of bench/'s scripts, with `--expose-gc` so that memory reads follow a full GC. */
export function forkScript(script: string, args: string[] = []): ChildProcess {
  const child = fork(fileURLToPath(new URL(`./${script}`, import.meta.url)), args, {
    execArgv: ['--import', 'tsx', '--expose-gc', ...profiling],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const children = new Set<ChildProcess>();
/** Children left behind by a failed run die with it. */
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** The next message of this type from the child. */
export function nextMessage<M extends { type: string }>(child: ChildProcess, type: M['type']): Promise<M> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: M) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before sending "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export type BenchServer = Of<'ready'> & {
  child: ChildProcess;
  /** Agents with this cap and a session each, made by the server's stores: their cookies. */
  agents(count: number, maxChats: number): Promise<string[]>;
  /** The server's RSS and heap after a full GC. */
  memory(): Promise<Of<'memory'>>;
  /** The server process's CPU milliseconds so far. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
};

/**
 * A Cascade (`cascade`) or bare Socket.IO (`bare`) server in its own process; a Cascade server
 * may be only its web part or only its background workers (`role`).
 */
export async function startServer(
  mode: 'cascade' | 'bare',
  prefix: string,
  role: 'all' | 'web' | 'worker' = 'all',
): Promise<BenchServer> {
  const child = forkScript('server-process.ts', [mode, prefix, role]);
  const ready = await nextMessage<Of<'ready'>>(child, 'ready');
  return {
    ...ready,
    child,
    async agents(count, maxChats) {
      const reply = nextMessage<Of<'agents'>>(child, 'agents');
      child.send({ type: 'agents', count, maxChats } satisfies ParentMessage);
      return (await reply).cookies;
    },
    memory() {
      const reply = nextMessage<Of<'memory'>>(child, 'memory');
      child.send({ type: 'memory' } satisfies ParentMessage);
      return reply;
    },
    async cpuMs() {
      const reply = nextMessage<Of<'cpu'>>(child, 'cpu');
      child.send({ type: 'cpu' } satisfies ParentMessage);
      return (await reply).ms;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'stop' } satisfies ParentMessage);
      await exited;
    },
  };
}

/** Removes the run's keys (the store's and BullMQ's under their own hash tag) and its history schema. */
export async function cleanKeys(prefix: string): Promise<void> {
  await dropBenchSchema(prefix);
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for (const match of [`${prefix}:*`, `{${prefix}:jobs}*`]) {
    for await (const batch of redis.scanIterator({ MATCH: match, COUNT: 1000 }))
      if (batch.length) await redis.unlink(batch);
  }
  await redis.close();
}
