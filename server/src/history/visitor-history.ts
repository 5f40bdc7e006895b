import type { Conversation, Message } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { HistoryReader } from './reader.ts';

/**
 * A visitor's conversations, newest first: the ones Redis still holds and the archived ones
 * it has let go, each once (Redis's copy wins while it lasts).
 */
export async function visitorConversations(
  d: { conversations: ConversationStore; history: HistoryReader },
  siteId: string,
  visitorId: string,
  limit = 20,
): Promise<Conversation[]> {
  const [hot, cold] = await Promise.all([
    d.conversations.ofVisitor(siteId, visitorId, limit),
    d.history.ofVisitor(siteId, visitorId, limit),
  ]);
  const byId = new Map(cold.map((c) => [c.id, c]));
  for (const c of hot) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
}

/** Stream ids compare as (milliseconds, sequence); messages strictly after `after`. */
export function afterCursor(messages: Message[], after: string | null): Message[] {
  if (after === null) return messages;
  const [ms = 0, seq = 0] = after.split('-').map(Number);
  return messages.filter((m) => {
    const [mMs = 0, mSeq = 0] = m.id.split('-').map(Number);
    return mMs > ms || (mMs === ms && mSeq > seq);
  });
}
