import type { ConversationView, VisitorMessage as Message } from '@cascade/shared';

let seq = 0;

/** A stored message with sensible defaults; `id` orders it in the stream. */
export function message(over: Partial<Message> & Pick<Message, 'id'>): Message {
  return {
    conversationId: 'c1',
    clientMsgId: null,
    author: 'bot',
    authorName: null,
    text: `message ${++seq}`,
    ts: 1_700_000_000_000,
    bot: null,
    event: null,
    data: null,
    ...over,
  };
}

export function conversation(over: Partial<ConversationView> = {}): ConversationView {
  return { id: 'c1', state: 'bot', queue: null, agent: null, ticketNumber: null, canRate: false, ...over };
}
