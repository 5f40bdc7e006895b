import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';

/**
 * How long a conversation's index of its event-stream entries outlives its last entry; the
 * archive shortens it to the conversation's own hot retention. An expired index only makes
 * the archive scan the stream instead.
 */
export const EVENT_INDEX_SECONDS = 30 * 24 * 3600;

/** Adds an entry about a conversation to its site's event stream (and to the conversation's index of entries). */
export async function addEvent(
  redis: Redis,
  k: Keys,
  siteId: string,
  conversationId: string,
  fields: Record<string, string>,
): Promise<void> {
  await scripts.addEvent(
    redis,
    [k.events(siteId), k.eventIndex(siteId, conversationId)],
    [EVENT_INDEX_SECONDS, ...Object.entries({ ...fields, conversationId }).flat()],
  );
}
