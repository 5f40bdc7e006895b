import type { AgentRef } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/** A chat nobody has looked at for this long forgets its viewers, should a process die holding some. */
const VIEWERS_TTL_SECONDS = 24 * 3600;

/**
 * Who has a chat open, one entry per console socket (two tabs of one person count once). Kept in
 * Redis so that every process sees the same list; each socket removes its entries as it leaves.
 */
export function viewerStore(redis: Redis, k: Keys) {
  return {
    async add(conversationId: string, socketId: string, agent: AgentRef): Promise<void> {
      await redis
        .multi()
        .hSet(k.viewers(conversationId), socketId, JSON.stringify(agent))
        .expire(k.viewers(conversationId), VIEWERS_TTL_SECONDS)
        .exec();
    },

    async remove(conversationId: string, socketId: string): Promise<void> {
      await redis.hDel(k.viewers(conversationId), socketId);
    },

    /** Each person once, in the order they are stored. */
    async of(conversationId: string): Promise<AgentRef[]> {
      const seen = new Map<string, AgentRef>();
      for (const raw of Object.values(await redis.hGetAll(k.viewers(conversationId)))) {
        const a = JSON.parse(raw) as AgentRef;
        if (!seen.has(a.id)) seen.set(a.id, a);
      }
      return [...seen.values()];
    },
  };
}
export type ViewerStore = ReturnType<typeof viewerStore>;
