import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from 'redis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** The floor of this machine: Redis PING round trips from the same process, same run. */
export async function redisPingMs(samples = 2000): Promise<{ p50: number; p99: number }> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await redis.ping();
    times.push(performance.now() - t);
  }
  await redis.close();
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

/** CPU time Redis has used so far (its `INFO cpu`, all threads), in milliseconds. */
export async function redisCpuMs(): Promise<number> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  const info = await redis.info('cpu');
  await redis.close();
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_sys') + field('used_cpu_user')) * 1000;
}

/** CPU time this process has used so far, in milliseconds. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Prints the result as the last line and keeps it under bench/results/<name>.json. */
export function report(name: string, result: Record<string, unknown>): void {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const line = JSON.stringify(result);
  writeFileSync(`${dir}${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(line);
}

/** A benchmark is one address opening thousands of connections: lift the abuse limits. */
export const benchLimits = {
  RATE_VISITOR_MESSAGES_PER_MINUTE: '10000000',
  RATE_CONVERSATIONS_PER_IP_PER_HOUR: '10000000',
  RATE_CONNECTIONS_PER_IP_PER_MINUTE: '10000000',
  RATE_AGENT_MESSAGES_PER_MINUTE: '10000000',
};

/**
 * History goes to a PostgreSQL server, in a schema of the run's own: a benchmark runs several
 * server processes on one prefix, and the embedded database serves one process only.
 */
export const benchDatabase = (prefix: string) => ({
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  DATABASE_SCHEMA: prefix,
});

/** Drops the run's history schema. */
export async function dropBenchSchema(prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchDatabase(prefix).DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${prefix.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
