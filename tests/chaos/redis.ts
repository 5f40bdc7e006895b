import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/processes.ts';
import { withTimeout } from '../support/waits.ts';

export type PrivateRedis = {
  url: string;
  /** The redis-server process now running, if any. */
  child: () => ChildProcess | null;
  /** Sends the signal and resolves once the server has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and folder: it loads its AOF. */
  start(): Promise<void>;
  /** Kills the server and removes its folder (for `finally`, whatever happened). */
  dispose(): Promise<void>;
};

/**
 * A redis-server of one chaos run, as production runs it: AOF on, fsync every second, on a free
 * port with its own folder, so that killing it harms nobody else's tests.
 */
export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cascade-chaos-redis-'));
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    const c = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'everysec'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = c;
    let out = '';
    await withTimeout(
      'the private redis-server to accept connections',
      new Promise<void>((resolve, reject) => {
        c.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
        c.stdout.on('data', (b: Buffer) => {
          out = (out + b.toString()).slice(-4000);
          if (out.includes('Ready to accept connections')) resolve();
        });
      }),
    );
    c.stdout.resume();
    c.stderr.resume();
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    c.kill(signal);
    await withTimeout('the private redis-server to exit', exited);
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    child: () => child,
    kill,
    start,
    async dispose() {
      await kill('SIGKILL').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
