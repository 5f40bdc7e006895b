import { afterPush, afterSync, hasGap, type Contiguous } from './gap.ts';
import type { StreamMessage } from './merge.ts';

export interface ResyncOptions<T extends StreamMessage> {
  /** Every message after `after` (exclusive; null for all), or null when the fetch failed. */
  fetch(conversationId: string, after: string | null): Promise<readonly T[] | null>;
  /** Hands fetched messages to the store. */
  take(conversationId: string, messages: readonly T[]): void;
}

/**
 * Keeps each conversation's stream gap-free: a push whose `prev` is not the last id held
 * contiguously, and every reconnect, fetch exactly what is missing. One fetch per conversation
 * at a time; a gap seen meanwhile fetches again once it is done.
 */
export function createResync<T extends StreamMessage>(options: ResyncOptions<T>) {
  const held = new Map<string, Contiguous>();
  /** Conversations with a fetch in flight: true when another was asked for meanwhile. */
  const busy = new Map<string, boolean>();
  const cursor = (id: string): Contiguous => held.get(id) ?? null;

  /** The server sent everything after `after`: a hello, an open or a sync. */
  const synced = (id: string, after: string | null, messages: readonly T[]): void => {
    held.set(id, afterSync(cursor(id), after, messages));
  };

  /** Fetches what is missing after the last id held contiguously. */
  async function sync(id: string): Promise<void> {
    if (busy.has(id)) return void busy.set(id, true);
    try {
      do {
        busy.set(id, false);
        const after = cursor(id);
        const messages = await options.fetch(id, after);
        if (!messages) return;
        synced(id, after, messages);
        options.take(id, messages);
      } while (busy.get(id));
    } finally {
      busy.delete(id);
    }
  }

  /** A live push, already taken by the caller: fetches the gap before it when there is one. */
  function pushed(m: T): void {
    const id = m.conversationId;
    const at = afterPush(cursor(id), m);
    held.set(id, at);
    if (hasGap(at, m)) void sync(id);
  }

  return { synced, sync, pushed, cursor };
}
export type Resync<T extends StreamMessage> = ReturnType<typeof createResync<T>>;
