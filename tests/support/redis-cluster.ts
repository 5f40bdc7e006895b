import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { freePort } from './processes.ts';

const run = promisify(execFile);

export type RedisCluster = {
  /** `redis://127.0.0.1:<port>` of every master. */
  nodes: string[];
  stop(): Promise<void>;
};

/** Waits until `check` holds, asking again every 100 ms; fails after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function answers(url: string, command: string[], expected: RegExp): Promise<boolean> {
  const client = createClient({ url, socket: { reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    const reply = await client.sendCommand(command);
    return typeof reply === 'string' && expected.test(reply);
  } finally {
    if (client.isOpen) await client.close();
  }
}

/**
 * A Redis Cluster of `masters` private `redis-server` processes on loopback ports (no replicas,
 * nothing kept on disk after `stop`), created with `redis-cli --cluster create`.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-cluster-'));
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map(
          (c) =>
            new Promise<void>((resolve) => {
              c.once('exit', () => resolve());
              c.kill('SIGKILL');
            }),
        ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      ports.push(port);
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    const nodes = ports.map((p) => `redis://127.0.0.1:${p}`);
    for (const url of nodes) await until(`${url} to answer`, () => answers(url, ['PING'], /PONG/));
    await run('redis-cli', [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const url of nodes)
      await until(`${url} to see the cluster ok`, () => answers(url, ['CLUSTER', 'INFO'], /cluster_state:ok/));
    return { nodes, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
