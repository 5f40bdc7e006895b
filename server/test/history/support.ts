import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/history/db.ts';
import { serverDb } from '../../src/history/server-db.ts';

/** The tests' PostgreSQL server (trust auth on loopback; `.ci/run` starts one when none answers). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const newSchema = (what: string) => `${what}${randomBytes(5).toString('hex')}`;

/** A pool on the test database working in `schema` (not migrated). */
export const testDb = (schema: string): Db =>
  serverDb(TEST_DATABASE_URL, schema, (e) => {
    throw e;
  });

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Rows of each history table, for proving that a repeat wrote nothing twice. */
export async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['visitors', 'conversations', 'messages', 'events', 'tickets']) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = row?.n ?? -1;
  }
  return out;
}
