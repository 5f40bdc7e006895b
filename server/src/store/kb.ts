import { KbEntry, type KbEntry as KbEntryT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/** A site's knowledge base: one hash, entry id -> entry JSON. */
export function kbStore(redis: Redis, k: Keys) {
  return {
    async all(siteId: string): Promise<KbEntryT[]> {
      const raw = await redis.hGetAll(k.kb(siteId));
      return Object.values(raw)
        .map((v) => KbEntry.parse(JSON.parse(v)))
        .sort((a, b) => a.id.localeCompare(b.id));
    },

    async put(siteId: string, entries: KbEntryT[]): Promise<void> {
      if (entries.length === 0) return;
      await redis.hSet(k.kb(siteId), Object.fromEntries(entries.map((e) => [e.id, JSON.stringify(e)])));
      await redis.publish(k.kbChannel, siteId);
    },

    /** Swaps the whole knowledge base at once. */
    async replace(siteId: string, entries: KbEntryT[]): Promise<void> {
      const tx = redis.multi().del(k.kb(siteId));
      if (entries.length > 0) tx.hSet(k.kb(siteId), Object.fromEntries(entries.map((e) => [e.id, JSON.stringify(e)])));
      await tx.exec();
      await redis.publish(k.kbChannel, siteId);
    },

    async remove(siteId: string, id: string): Promise<boolean> {
      const n = await redis.hDel(k.kb(siteId), id);
      if (n > 0) await redis.publish(k.kbChannel, siteId);
      return n > 0;
    },

    async count(siteId: string): Promise<number> {
      return redis.hLen(k.kb(siteId));
    },
  };
}
export type KbStore = ReturnType<typeof kbStore>;
