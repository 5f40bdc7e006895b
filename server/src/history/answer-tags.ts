import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { KbStore } from '../store/kb.ts';

export type AnswerTagsDeps = { redis: Redis; keys: Keys; kb: KbStore };

/**
 * Tags a conversation with the tags of the knowledge-base entry the bot answered it from. A live
 * conversation keeps them in a Redis set (adding one twice keeps one), which the archive merges
 * into the conversation's tags in PostgreSQL, where agents' tags live.
 */
export function answerTags(d: AnswerTagsDeps) {
  return {
    async tag(siteId: string, conversationId: string, entryId: string): Promise<void> {
      const entry = await d.kb.get(siteId, entryId);
      if (!entry?.tags || entry.tags.length === 0) return;
      await d.redis.sAdd(d.keys.conversationTags(conversationId), entry.tags);
    },

    /** The tags a live conversation gathered so far. */
    async of(conversationId: string): Promise<string[]> {
      return (await d.redis.sMembers(d.keys.conversationTags(conversationId))).sort();
    },
  };
}
export type AnswerTags = ReturnType<typeof answerTags>;
