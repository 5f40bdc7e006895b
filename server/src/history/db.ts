export type Row = Record<string, unknown>;

/** What a statement runs on: the database itself, or one transaction of it. */
export type Queryable = {
  /** One statement with `$1`-style parameters. */
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Several statements, no parameters (a migration file). */
  exec(sql: string): Promise<void>;
};

/**
 * History's database: a PostgreSQL server (`pg`) or PostgreSQL embedded in the process
 * (PGlite), behind the same few calls, so one set of SQL and migrations serves both.
 */
export type Db = Queryable & {
  kind: 'server' | 'embedded';
  /** Runs `run` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(run: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** A schema name is checked by the config; quoted anyway wherever it is spliced into SQL. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
