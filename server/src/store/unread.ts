import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/** Per agent and chat, what the agent has not read yet; one hash per agent, so a reload keeps it. */
export function unreadStore(redis: Redis, k: Keys) {
  return {
    async add(agentId: string, conversationId: string): Promise<void> {
      await redis.hIncrBy(k.agentUnread(agentId), conversationId, 1);
    },

    async clear(agentId: string, conversationId: string): Promise<void> {
      await redis.hDel(k.agentUnread(agentId), conversationId);
    },

    /** The counts of the chats the agent holds now; counts of chats they no longer hold are dropped. */
    async of(agentId: string, held: string[]): Promise<Record<string, number>> {
      const raw = await redis.hGetAll(k.agentUnread(agentId));
      const keep = new Set(held);
      const gone = Object.keys(raw).filter((id) => !keep.has(id));
      if (gone.length > 0) await redis.hDel(k.agentUnread(agentId), gone);
      return Object.fromEntries(
        Object.entries(raw)
          .filter(([id]) => keep.has(id))
          .map(([id, n]) => [id, Math.max(0, Number(n))]),
      );
    },
  };
}
export type UnreadStore = ReturnType<typeof unreadStore>;
