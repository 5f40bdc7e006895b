import { afterAll, expect, it } from 'vitest';
import { migrate, migrations } from '../../src/history/migrate.ts';
import type { Db } from '../../src/history/db.ts';
import { dropSchema, newSchema, testDb } from './support.ts';

const schemas: string[] = [];
const pools: Db[] = [];
const open = (schema: string) => {
  const db = testDb(schema);
  pools.push(db);
  return db;
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  for (const s of schemas) await dropSchema(s);
});

it('applies every migration once when several processes start together', async () => {
  const schema = newSchema('mig');
  schemas.push(schema);
  // Separate pools stand for separate processes: each migrator has its own connection.
  const results = await Promise.all([open(schema), open(schema), open(schema)].map((db) => migrate(db, schema)));

  const all = migrations().map((m) => m.version);
  expect(results.flat().sort()).toEqual(all);
  expect(results.filter((r) => r.length > 0)).toHaveLength(1);
  const db = open(schema);
  const applied = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  expect(applied.map((r) => r.version)).toEqual(all);
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
    [schema],
  );
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(['audit_log', 'conversations', 'events', 'messages', 'tickets', 'visitors']),
  );
  // A restart finds nothing left to do.
  expect(await migrate(db, schema)).toEqual([]);
});

it('rolls a failing migration back whole, leaving the schema as it was', async () => {
  const schema = newSchema('migfail');
  schemas.push(schema);
  const db = open(schema);
  await migrate(db, schema);
  const broken = [
    ...migrations(),
    { version: 998, name: '998_good.sql', sql: 'CREATE TABLE kept_out (id int)' },
    { version: 999, name: '999_bad.sql', sql: 'CREATE TABLE nope (id int); SELECT no_such_function()' },
  ];
  await expect(migrate(db, schema, broken)).rejects.toThrow(/no_such_function/);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('kept_out', 'nope')`,
    [schema],
  );
  expect(row?.n).toBe(0);
  const applied = await db.query<{ version: number }>('SELECT max(version)::int AS version FROM schema_migrations');
  expect(applied[0]?.version).toBe(Math.max(...migrations().map((m) => m.version)));
});
