import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { DemoAccount } from '@cascade/server';
import { createClient, createCluster } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import { REDIS_URL, cleanKeys, generousLimits, testCosts } from './harness.ts';
import { login, restClient } from './rest.ts';
import { databaseEnv } from './database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const newPrefix = () => `scale${randomBytes(5).toString('hex')}`;

export type ServerProcess = {
  url: string;
  port: number;
  /** The demo site's public key, as printed at start. */
  siteKey: string;
  child: ChildProcess;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same port and prefix. */
  restart(): Promise<void>;
};

/**
 * One Cascade server process (`server/src/bin/start.ts`) on its own port; processes with the
 * same prefix and Redis form one cluster. Resolves once it has printed its banner (it listens).
 */
export async function spawnServer(prefix: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    url,
    port,
    siteKey: '',
    child: null as unknown as ChildProcess,
    async kill(signal = 'SIGTERM') {
      const child = proc.child;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill(signal);
      await exited;
    },
    async restart() {
      await proc.kill('SIGKILL');
      // Cleared so that boot() waits for the new process's banner again.
      proc.siteKey = '';
      await boot();
    },
  };

  async function boot() {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/bin/start.ts'], {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: url,
        KEY_PREFIX: prefix,
        REDIS_URL,
        ...databaseEnv(prefix),
        LOG_LEVEL: 'warn',
        ...generousLimits,
        ...testCosts,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.child = child;
    live.add(child);
    child.once('exit', () => live.delete(child));
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-4000);
    });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`server exited (${code}) before it was ready: ${err}`));
      child.once('exit', onExit);
      child.stdout.on('data', (b: Buffer) => {
        if (proc.siteKey) return;
        out += b.toString();
        const key = /Demo accounts of .*\(site key (pk_[0-9a-f]+)\)/.exec(out)?.[1];
        if (key) {
          proc.siteKey = key;
          child.off('exit', onExit);
          resolve();
        }
      });
    });
    child.stdout.resume();
    const ready = await fetch(`${url}/readyz`);
    if (!ready.ok) throw new Error(`${url} is not ready: ${ready.status}`);
  }

  await boot();
  return proc;
}

const live = new Set<ChildProcess>();

/** Every server process still running, killed at once (for afterAll, even when a test failed). */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((r) => {
          child.once('exit', () => r());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** The demo site's accounts, kept in Redis (or the Redis Cluster of `clusterNodes`) by the seed. */
export async function demoAccounts(
  prefix: string,
  redisUrl = REDIS_URL,
  clusterNodes: string[] = [],
): Promise<DemoAccount[]> {
  const redis =
    clusterNodes.length > 0
      ? createCluster({ rootNodes: clusterNodes.map((url) => ({ url })) })
      : createClient({ url: redisUrl });
  await redis.connect();
  const stored = await redis.get(`${prefix}:demo:demo:accounts`);
  await redis.close();
  if (!stored) throw new Error('the demo was not seeded');
  return JSON.parse(stored) as DemoAccount[];
}

/** Every skill of the demo site at the top level: an agent who can take any chat. */
const anySkill = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 3 }));

/**
 * The demo site's admin, logged in on `server` over REST (the accounts are read from the Redis
 * at `redisUrl`, or the Redis Cluster of `clusterNodes`), who can add agents.
 */
export async function demoAdmin(
  server: ServerProcess,
  prefix: string,
  where: { redisUrl?: string; clusterNodes?: string[] } = {},
) {
  const admin = (await demoAccounts(prefix, where.redisUrl, where.clusterNodes)).find((a) => a.role === 'admin');
  if (!admin) throw new Error('no demo admin');
  const rest = restClient(server.url, await login(server.url, admin.email, admin.password));
  return {
    rest,
    /** A new agent of the demo site who can take any chat, up to `maxChats` at once: their session cookie. */
    newAgent: async (name: string, maxChats: number): Promise<string> => {
      const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@cedar.example`;
      const created = await rest.post<{ password: string }>('/api/agents', {
        siteId: 'demo',
        email,
        name,
        role: 'agent',
        skills: anySkill,
        maxChats,
      });
      if (created.status !== 200) throw new Error(`could not create ${name}: ${created.status}`);
      return (await login(server.url, email, created.body.password)).cookie;
    },
  };
}

/**
 * `count` Cascade processes on one new prefix for a test file: started before its tests; after
 * them, the clients handed to `track` are closed, the processes killed and the keys removed.
 */
export function processStage<C extends { close(): void }>(count: number, env: Record<string, string> = {}) {
  const stage = {
    prefix: newPrefix(),
    servers: [] as ServerProcess[],
    clients: [] as C[],
    track: <T extends C>(client: T): T => {
      stage.clients.push(client);
      return client;
    },
  };
  beforeAll(async () => {
    stage.servers = await Promise.all(Array.from({ length: count }, () => spawnServer(stage.prefix, env)));
  });
  afterAll(async () => {
    for (const c of stage.clients) c.close();
    await killAll();
    await cleanKeys(stage.prefix);
  });
  return stage;
}
