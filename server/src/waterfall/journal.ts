import { ConversationState, TicketReason, WaterfallEventName } from '@cascade/shared';
import { z } from 'zod';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';
import { addEvent, EVENT_INDEX_SECONDS } from '../store/event-stream.ts';

/** How long a transition stays marked as counted: far longer than any repair takes to come. */
const EVENT_MARK_SECONDS = 24 * 3600;

/**
 * What a transition was, noted in the conversation's slot in the same step as the state
 * write, so that a repair can finish what a crashed process left undone.
 */
export const TransitionRecord = z.object({
  event: WaterfallEventName,
  from: ConversationState,
  to: ConversationState,
  ts: z.number(),
  by: z.string(),
  /** The ticket reason when the transition creates one; the note of a follow-up. */
  ticket: z.object({ reason: TicketReason, note: z.string().nullable() }).nullable(),
  /** The message's data that cannot be read back from the conversation later. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TransitionRecord = z.infer<typeof TransitionRecord>;

/**
 * The site's list of state changes under way. A change is noted here before its state write
 * and struck off once every step after it is done; one that stays noted for long lost its
 * process, and the repair (repair.ts) puts its conversation right.
 */
export function journal(redis: Redis, k: Keys, { oneServer }: { oneServer: boolean }) {
  return {
    /**
     * Notes a change as under way, then makes its state write (`write`). One Redis server runs
     * a connection's commands in the order they were sent, so there the write follows the note
     * without waiting for its answer; on a cluster the two keys live on different nodes and the
     * note is awaited first. A note that failed is sent again: its write may have gone through.
     */
    async begin<T>(siteId: string, conversationId: string, token: string, now: number, write: () => Promise<T>) {
      const note = () => redis.zAdd(k.intents(siteId), { score: now, value: `${conversationId} ${token}` });
      if (!oneServer) {
        await note();
        return write();
      }
      const [noted, written] = await Promise.allSettled([note(), write()]);
      if (noted.status === 'rejected') await note();
      if (written.status === 'rejected') throw written.reason;
      return written.value;
    },

    async end(siteId: string, conversationId: string, token: string): Promise<void> {
      await redis.zRem(k.intents(siteId), `${conversationId} ${token}`);
    },

    /** Changes begun before `before` and never struck off: [entry, conversationId]. */
    async staleBefore(siteId: string, before: number): Promise<{ entry: string; conversationId: string }[]> {
      const entries = await redis.zRangeByScore(k.intents(siteId), '-inf', before);
      return entries.map((entry) => ({ entry, conversationId: entry.split(' ')[0] ?? '' }));
    },

    async strike(siteId: string, entries: string[]): Promise<void> {
      if (entries.length > 0) await redis.zRem(k.intents(siteId), entries);
    },

    /** Adds a conversation's start to the site's event stream; a start has no transition to key it by. */
    async started(siteId: string, conversationId: string, ts: number): Promise<void> {
      await addEvent(redis, k, siteId, conversationId, { event: 'started', ts: String(ts) });
    },

    /** Adds the transition of (conversation, version) to the site's event stream once, however often asked. */
    async recordEvent(
      siteId: string,
      conversationId: string,
      version: number,
      fields: Record<string, string>,
    ): Promise<boolean> {
      const res = await scripts.recordEvent(
        redis,
        [k.eventOnce(siteId, conversationId, version), k.events(siteId), k.eventIndex(siteId, conversationId)],
        [EVENT_MARK_SECONDS, EVENT_INDEX_SECONDS, ...Object.entries(fields).flat()],
      );
      return res === 1;
    },
  };
}
export type Journal = ReturnType<typeof journal>;
