import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from './db.ts';
import { embeddedDb } from './embedded-db.ts';
import { serverDb } from './server-db.ts';
import { migrate } from './migrate.ts';

type DbConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR'>;

/** The configured database, migrated to the latest schema before anything uses it. */
export async function openHistoryDb(config: DbConfig, onError: (e: Error) => void): Promise<Db> {
  const db = config.DATABASE_URL
    ? serverDb(config.DATABASE_URL, config.DATABASE_SCHEMA, onError)
    : await embeddedDb(join(config.DATA_DIR, 'pg'), config.DATABASE_SCHEMA);
  try {
    await migrate(db, config.DATABASE_SCHEMA);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
