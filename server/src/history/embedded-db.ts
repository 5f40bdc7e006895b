import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.ts';
import { quoteIdent } from './db.ts';
import { lockDirectory } from './dir-lock.ts';

/**
 * PostgreSQL compiled to WebAssembly, in this process, with its files under `dir`. Nothing to
 * install; one process only (a second process must not open the same directory).
 */
export async function embeddedDb(dir: string | null, schema: string): Promise<Db> {
  if (dir) mkdirSync(resolve(dir), { recursive: true });
  const unlock = dir ? lockDirectory(join(resolve(dir), 'cascade.lock')) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dir ? resolve(dir) : undefined);
  } catch (e) {
    unlock();
    throw e;
  }
  // One connection: the search path set here holds for every later statement.
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}`);

  const on = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: unknown[] = []): Promise<R[]> {
      return (await q.query<R>(sql, params)).rows;
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  });

  return {
    kind: 'embedded',
    ...on(db),
    transaction: (run) => db.transaction((tx) => run(on(tx))),
    async close() {
      await db.close();
      unlock();
    },
  };
}
