import type { Queryable } from './db.ts';
import { quoteIdent } from './db.ts';

/** The tables partitioned by month. */
export type Partitioned = 'messages' | 'events';

/** `2026-12` → the partition's name and its bounds, in UTC. */
export function monthOf(ts: number): { key: string; from: string; to: string } {
  const d = new Date(ts);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const iso = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString();
  return { key: `${y}_${String(m + 1).padStart(2, '0')}`, from: iso(y, m), to: iso(y, m + 1) };
}

/**
 * Makes sure each month of `times` has its partition. A new one is made under an advisory lock
 * inside the caller's transaction, so two archivers meeting a new month at once make it once.
 * Only partitions seen committed are remembered: one made by a transaction that then rolls
 * back is looked for again next time.
 */
export function partitionMaker() {
  const known = new Set<string>();
  const months = (times: number[]) => {
    const out = new Map<string, ReturnType<typeof monthOf>>();
    for (const t of times) {
      const m = monthOf(t);
      out.set(m.key, m);
    }
    return out;
  };
  return {
    /** Whether every month of `times` has a partition already seen, so nothing need be asked. */
    known(table: Partitioned, times: number[]): boolean {
      for (const key of months(times).keys()) if (!known.has(`${table}_${key}`)) return false;
      return true;
    },
    async ensure(tx: Queryable, table: Partitioned, times: number[]): Promise<void> {
      for (const [key, m] of months(times)) {
        const name = `${table}_${key}`;
        if (known.has(name)) continue;
        const [found] = await tx.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [name]);
        if (found?.ok) {
          known.add(name);
          continue;
        }
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cascade.partitions'), hashtext($1))`, [name]);
        await tx.exec(
          `CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} PARTITION OF ${quoteIdent(table)} ` +
            `FOR VALUES FROM ('${m.from}') TO ('${m.to}')`,
        );
      }
    },
  };
}
