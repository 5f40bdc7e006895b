import { randomUUID } from 'node:crypto';
import { KbEntry, type KbEntry as KbEntryT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';

/**
 * A site's knowledge base: one hash, entry id -> entry JSON. Every write is announced on
 * `kbChannel` as `<siteId> <change id>` and returns the change id, so that a listener that
 * hears of one change from its writer and again over pub/sub acts once.
 */
export function kbStore(redis: Redis, k: Keys) {
  async function announce(siteId: string): Promise<string> {
    const change = randomUUID();
    await redis.publish(k.kbChannel, `${siteId} ${change}`);
    return change;
  }
  return {
    async all(siteId: string): Promise<KbEntryT[]> {
      const raw = await redis.hGetAll(k.kb(siteId));
      return Object.values(raw)
        .map((v) => KbEntry.parse(JSON.parse(v)))
        .sort((a, b) => a.id.localeCompare(b.id));
    },

    /** Each entry's JSON as stored, unparsed: for a bot build, which parses off the event loop. */
    async raw(siteId: string): Promise<string[]> {
      return Object.values(await redis.hGetAll(k.kb(siteId)));
    },

    async get(siteId: string, id: string): Promise<KbEntryT | null> {
      const raw = await redis.hGet(k.kb(siteId), id);
      return raw == null ? null : KbEntry.parse(JSON.parse(raw));
    },

    /** One entry's JSON as stored, for a change that must not overwrite one made since (`swap`). */
    async rawOne(siteId: string, id: string): Promise<string | null> {
      return (await redis.hGet(k.kb(siteId), id)) ?? null;
    },

    /** Writes `entry` only if its stored JSON is still `expected`: the change id, or null when it changed. */
    async swap(siteId: string, expected: string, entry: KbEntryT): Promise<string | null> {
      const written = await scripts.swapEntry(redis, [k.kb(siteId)], [entry.id, expected, JSON.stringify(entry)]);
      return written === 1 ? announce(siteId) : null;
    },

    async has(siteId: string, id: string): Promise<boolean> {
      return (await redis.hGet(k.kb(siteId), id)) != null;
    },

    async put(siteId: string, entries: KbEntryT[]): Promise<string | null> {
      if (entries.length === 0) return null;
      await redis.hSet(k.kb(siteId), Object.fromEntries(entries.map((e) => [e.id, JSON.stringify(e)])));
      return announce(siteId);
    },

    /** Swaps the whole knowledge base at once. */
    async replace(siteId: string, entries: KbEntryT[]): Promise<string> {
      const tx = redis.multi().del(k.kb(siteId));
      if (entries.length > 0) tx.hSet(k.kb(siteId), Object.fromEntries(entries.map((e) => [e.id, JSON.stringify(e)])));
      await tx.exec();
      return announce(siteId);
    },

    /** The change id, or null when there was no such entry. */
    async remove(siteId: string, id: string): Promise<string | null> {
      const n = await redis.hDel(k.kb(siteId), id);
      return n > 0 ? announce(siteId) : null;
    },

    async count(siteId: string): Promise<number> {
      return redis.hLen(k.kb(siteId));
    },
  };
}
export type KbStore = ReturnType<typeof kbStore>;
