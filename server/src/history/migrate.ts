import { readFileSync, readdirSync } from 'node:fs';
import type { Db } from './db.ts';
import { quoteIdent } from './db.ts';

const DIR = new URL('./migrations/', import.meta.url);
const FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

export type Migration = { version: number; name: string; sql: string };

/** The migration files, in order: `NNN_what.sql`, each applied once, never edited once released. */
export function migrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => FILE.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: readFileSync(new URL(name, DIR), 'utf8') }));
}

/**
 * Brings the schema up to date. Everything happens in one transaction that first takes an
 * advisory lock named after the schema: processes starting together queue on the lock, and
 * each later one finds the work done. A failed migration rolls back whole, leaving no half
 * schema behind. Returns the versions this call applied.
 */
export async function migrate(db: Db, schema: string, all: Migration[] = migrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cascade.migrations'), hashtext($1))`, [schema]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};
      CREATE TABLE IF NOT EXISTS ${quoteIdent(schema)}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const done = new Set(
      (await tx.query<{ version: number }>(`SELECT version FROM ${quoteIdent(schema)}.schema_migrations`)).map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const m of all) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO ${quoteIdent(schema)}.schema_migrations (version, name) VALUES ($1, $2)`, [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
