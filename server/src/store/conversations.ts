import { Conversation, type Conversation as ConversationT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';
import { scripts } from '../redis/scripts/index.ts';

export function conversationStore(redis: Redis, k: Keys) {
  return {
    async get(id: string): Promise<ConversationT | null> {
      return fromHash(Conversation, await redis.hGetAll(k.conversation(id)));
    },

    /**
     * One numeric field of each conversation (null when gone or unset), in one pipelined batch:
     * far cheaper than reading and parsing whole conversations when only that is needed.
     */
    async numbers(ids: string[], field: 'version' | 'waitingSince'): Promise<(number | null)[]> {
      const found = await Promise.all(ids.map((id) => redis.hGet(k.conversation(id), field)));
      return found.map((v) => {
        const n: unknown = v === null ? null : JSON.parse(v);
        return typeof n === 'number' ? n : null;
      });
    },

    async create(c: ConversationT): Promise<void> {
      await Promise.all([
        redis.hSet(k.conversation(c.id), toHash(c)),
        redis.zAdd(k.visitorConversations(c.siteId, c.visitorId), { score: c.createdAt, value: c.id }),
      ]);
    },

    /** Removes a conversation that never became anyone's (it lost the race to start). */
    async discard(c: ConversationT): Promise<void> {
      await Promise.all([
        redis.del(k.conversation(c.id)),
        redis.zRem(k.visitorConversations(c.siteId, c.visitorId), c.id),
      ]);
    },

    async update(id: string, patch: Partial<ConversationT>): Promise<void> {
      const fields = toHash(patch);
      if (Object.keys(fields).length > 0) await redis.hSet(k.conversation(id), fields);
    },

    /**
     * Applies the patch only if the state is still `from`, counts the version and notes `record`
     * as unfinished in the same step; returns the new version, or 0 when someone else moved it first.
     */
    async transition(
      id: string,
      from: ConversationT['state'],
      patch: Partial<ConversationT>,
      record: string,
    ): Promise<number> {
      const fields = Object.entries(toHash(patch)).flat();
      const res = await scripts.transition(
        redis,
        [k.conversation(id), k.pending(id)],
        [JSON.stringify(from), record, ...fields],
      );
      return Number(res);
    },

    /** Transitions written but not (yet) carried out in full: version -> record. */
    async unfinished(id: string): Promise<Map<number, string>> {
      const all = await redis.hGetAll(k.pending(id));
      return new Map(Object.entries(all).map(([v, r]) => [Number(v), r]));
    },

    /** The transition of this version is carried out in full. */
    async finished(id: string, version: number): Promise<void> {
      await redis.hDel(k.pending(id), String(version));
    },

    /**
     * Moves a seen receipt forward to `upTo` (held at the last message); the id stored, or null
     * when it did not move (an older receipt, or the conversation is gone).
     */
    async markSeen(id: string, side: 'seenByVisitor' | 'seenByAgent', upTo: string): Promise<string | null> {
      const res = await scripts.markSeen(redis, [k.conversation(id), k.messages(id)], [side, upTo]);
      return typeof res === 'string' ? (JSON.parse(res) as string) : null;
    },

    /**
     * The ids of the visitor's conversations, newest first. The index outlives the Redis copies:
     * an archived conversation stays listed until the site's retention removes its record.
     */
    idsOfVisitor(siteId: string, visitorId: string, limit: number): Promise<string[]> {
      return redis.zRange(k.visitorConversations(siteId, visitorId), 0, limit - 1, { REV: true });
    },

    /** The visitor's conversations Redis still holds, newest first. */
    async ofVisitor(siteId: string, visitorId: string, limit = 20): Promise<ConversationT[]> {
      const ids = await this.idsOfVisitor(siteId, visitorId, limit);
      const all = await Promise.all(ids.map((id) => this.get(id)));
      return all.filter((c): c is ConversationT => c !== null);
    },
  };
}
export type ConversationStore = ReturnType<typeof conversationStore>;
