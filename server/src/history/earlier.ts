import { CascadeError, type EarlierConversation, type Message, type VisitorMessage } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { MessageStore } from '../store/messages.ts';
import { toVisitorMessages } from '../waterfall/visitor-projection.ts';
import type { HistoryReader } from './reader.ts';
import { visitorConversations } from './visitor-history.ts';

export type EarlierDeps = { conversations: ConversationStore; messages: MessageStore; history: HistoryReader };

type VisitorRef = { siteId: string; visitorId: string };

const FIRST_LINE_CHARS = 200;

/**
 * A returning visitor's earlier conversations, read-only: the list, and one transcript as the
 * visitor saw it. Only their own, on this site, and never the one still open (that one is live).
 */
export function earlierConversations(d: EarlierDeps) {
  /** A live conversation's messages from Redis; an archived one's from PostgreSQL. */
  async function messagesOf(id: string): Promise<Message[]> {
    return (await d.conversations.get(id)) ? d.messages.after(id, null) : d.history.messages(id);
  }

  async function list(ref: VisitorRef, currentId: string | null): Promise<EarlierConversation[]> {
    const all = await visitorConversations(d, ref.siteId, ref.visitorId);
    const earlier = all.filter((c) => c.id !== currentId);
    return Promise.all(
      earlier.map(async (c) => {
        const first = (await messagesOf(c.id)).find((m) => m.author === 'visitor');
        return { id: c.id, startedAt: c.createdAt, firstLine: first?.text.slice(0, FIRST_LINE_CHARS) ?? '' };
      }),
    );
  }

  /**
   * Whether the visitor has any conversation besides the current one: two newest are enough to
   * tell. Asked on every page view, so it reads the visitor's index in Redis, which lists the
   * archived conversations too, and never PostgreSQL.
   */
  async function any(ref: VisitorRef, currentId: string | null): Promise<boolean> {
    const newest = await d.conversations.idsOfVisitor(ref.siteId, ref.visitorId, 2);
    return newest.some((id) => id !== currentId);
  }

  async function open(ref: VisitorRef, currentId: string | null, conversationId: string): Promise<VisitorMessage[]> {
    const c = (await d.conversations.get(conversationId)) ?? (await d.history.conversation(conversationId));
    // Someone else's conversation answers exactly like one that does not exist.
    if (!c || c.siteId !== ref.siteId || c.visitorId !== ref.visitorId || c.id === currentId) {
      throw new CascadeError('not_found', 'no such conversation');
    }
    return toVisitorMessages(await messagesOf(c.id));
  }

  return { list, any, open };
}

export type EarlierConversations = ReturnType<typeof earlierConversations>;
