import pg from 'pg';
import type { Db, Queryable, Row } from './db.ts';
import { quoteIdent } from './db.ts';

/** A pool of connections to a PostgreSQL server, every one of them working in `schema`. */
export function serverDb(url: string, schema: string, onError: (e: Error) => void): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path=${quoteIdent(schema)}`,
  });
  // An idle connection that drops (a server restart) is replaced by the pool; only say so.
  pool.on('error', onError);

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R extends Row = Row>(sql: string, params: unknown[] = []): Promise<R[]> {
      return (await client.query<R>(sql, params)).rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  });

  return {
    kind: 'server',
    ...on(pool),
    async transaction<T>(run: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await run(on(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
