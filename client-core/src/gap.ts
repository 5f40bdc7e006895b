import { compareIds } from './ids.ts';
import { lastId, type StreamMessage } from './merge.ts';

/**
 * The last id of a conversation's stream up to which a receiver holds every message (null:
 * nothing yet). Resyncs start from it, never from the highest id held, so a message lost
 * between two others is fetched. A push extends it only when its `prev` is this id; a push
 * past a hole (or ahead of a slower one) leaves it where it is and asks for the gap.
 */
export type Contiguous = string | null;

const isAfter = (id: string, at: Contiguous): boolean => at === null || compareIds(id, at) > 0;

/** A pushed message: it extends what is held when its `prev` is the last id held. */
export const afterPush = (at: Contiguous, m: StreamMessage): Contiguous => (m.prev === at ? m.id : at);

/** True when this push shows a hole before it: fetch what comes after `at`. */
export const hasGap = (at: Contiguous, m: StreamMessage): boolean => m.prev !== undefined && isAfter(m.id, at);

/** A sync from `after` returned everything after it, so what is held now reaches its last message. */
export function afterSync(at: Contiguous, after: string | null, messages: readonly StreamMessage[]): Contiguous {
  const last = lastId(messages);
  return (after === null || !isAfter(after, at)) && last !== null && isAfter(last, at) ? last : at;
}
