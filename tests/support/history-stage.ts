import type { DemoAccount } from '@cascade/server';
import type pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect } from 'vitest';
import { keys } from '../../server/src/redis/keys.ts';
import { REDIS_URL, startCascade, type Harness } from './harness.ts';
import { connectTestDb } from './database.ts';
import { restClient } from './rest.ts';

export type HistoryStage = {
  h: Harness;
  /** The run's own history schema in PostgreSQL, to check what was archived. */
  db: pg.Client;
  /** A plain Redis connection, to check what the hot store still holds. */
  redis: ReturnType<typeof createClient>;
  /** The demo account of `site` (0 or 1) with `role`. */
  account(site: number, role: string): DemoAccount;
  /** A REST client signed in as that account. */
  as(site: number, role: string): Promise<ReturnType<typeof restClient>>;
  /**
   * Waits until every copy asked of the conversation is done: it has left the archive list. A
   * copy asked while another ran (a rating) is still to come until then, and would write over
   * what a test changes in the database meanwhile.
   */
  settled(conversationId: string): Promise<void>;
};

/** A demo server with its history database and a Redis connection, for one test file. */
export function historyStage(env: Record<string, string> = {}): HistoryStage {
  const stage = {
    account: (site: number, role: string) => stage.h.demos[site]!.accounts.find((a) => a.role === role)!,
    async as(site: number, role: string) {
      const a = stage.account(site, role);
      return restClient(stage.h.url, await stage.h.login(a.email, a.password));
    },
    async settled(conversationId: string) {
      await expect
        .poll(() => stage.redis.zScore(keys(stage.h.prefix).archiveDue, conversationId), { timeout: 30_000 })
        .toBeNull();
    },
  } as HistoryStage;
  beforeAll(async () => {
    stage.h = await startCascade(env);
    stage.db = await connectTestDb(stage.h.prefix);
    stage.redis = createClient({ url: REDIS_URL });
    await stage.redis.connect();
  });
  afterAll(async () => {
    await stage.db.end();
    await stage.redis.close();
    await stage.h.close();
  });
  return stage;
}
