import type { StreamMessage } from '../src/index.ts';

let seq = 0;

export type TestMessage = StreamMessage & { author: string; text: string };

/** A stored message with sensible defaults; `id` orders it in the stream. */
export function message(over: Partial<TestMessage> & Pick<TestMessage, 'id'>): TestMessage {
  return { conversationId: 'c1', clientMsgId: null, author: 'bot', text: `message ${++seq}`, ...over };
}
