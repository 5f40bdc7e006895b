import { CannedReply, type CannedReply as CannedReplyT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/** A site's canned replies: one hash, reply id -> reply JSON. */
export function cannedStore(redis: Redis, k: Keys) {
  return {
    async all(siteId: string): Promise<CannedReplyT[]> {
      const raw = await redis.hGetAll(k.canned(siteId));
      return Object.values(raw)
        .map((v) => CannedReply.parse(JSON.parse(v)))
        .sort((a, b) => a.shortcut.localeCompare(b.shortcut) || a.language.localeCompare(b.language));
    },

    async put(siteId: string, reply: CannedReplyT): Promise<void> {
      await redis.hSet(k.canned(siteId), reply.id, JSON.stringify(reply));
    },

    /** Puts `reply` in the place of the reply `id` (its id changes with its shortcut or language); false when there is none. */
    async replace(siteId: string, id: string, reply: CannedReplyT): Promise<boolean> {
      if (((await redis.hGet(k.canned(siteId), id)) ?? null) === null) return false;
      await redis.multi().hDel(k.canned(siteId), id).hSet(k.canned(siteId), reply.id, JSON.stringify(reply)).exec();
      return true;
    },

    async remove(siteId: string, id: string): Promise<boolean> {
      return (await redis.hDel(k.canned(siteId), id)) > 0;
    },
  };
}
export type CannedStore = ReturnType<typeof cannedStore>;
