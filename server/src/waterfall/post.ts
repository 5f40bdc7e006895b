import type { Conversation, Message } from '@cascade/shared';
import { messagePush, type MessagePushDeps } from '../io/message-push.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { MessageStore, NewMessage } from '../store/messages.ts';
import type { DomainEvents } from '../events.ts';
import { merged } from '../records.ts';

export type PostDeps = MessagePushDeps & {
  messages: Pick<MessageStore, 'append'>;
  conversations: Pick<ConversationStore, 'get'>;
  events: Pick<DomainEvents, 'emit'>;
};

/** Stores messages and sends each new one to the people who see it. */
export function poster(d: PostDeps) {
  const push = messagePush(d);

  /**
   * Sends a stored message to the visitor's tabs (unless internal) and to the assigned agent;
   * `before` is the message stored just before it, when the store told.
   */
  async function fanOut(m: Message, known?: Conversation, before?: Message | null): Promise<void> {
    const c = known ?? (await d.conversations.get(m.conversationId));
    if (!c) return;
    await push(m, c, before);
    await d.events.emit({ type: 'message.created', message: m, conversation: c });
  }

  /** `once`: the server's own dedupe key (a transition's), so a repeat of the same post stores nothing. */
  async function post(m: Omit<NewMessage, 'ts'>, conversation?: Conversation, once?: string): Promise<Message> {
    const { message, isNew, before } = await d.messages.append(merged(m, { ts: Date.now() }), once ?? m.clientMsgId);
    if (isNew) await fanOut(message, conversation, before);
    return message;
  }

  return { post, fanOut };
}
export type Poster = ReturnType<typeof poster>;
