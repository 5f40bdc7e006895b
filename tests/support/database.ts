import pg from 'pg';

/** The PostgreSQL the tests use (trust auth on loopback; `.ci/run` starts one when none answers). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A server's history settings for a run: its own schema, named like its key prefix. */
export const databaseEnv = (prefix: string) => ({ DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: prefix });

/** A client of the test database working in `schema`, for counting what a run stored. */
export async function connectTestDb(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path="${schema}"` });
  await client.connect();
  return client;
}

/** Drops a run's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
