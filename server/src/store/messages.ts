import { Message, type MessageId } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { luaScript } from '../redis/script.ts';

const appendScript = luaScript(new URL('../redis/append-message.lua', import.meta.url));

export type NewMessage = Omit<Message, 'id'>;

/** A conversation's messages live in a Redis Stream: ordered ids that double as resume cursors. */
export function messageStore(redis: Redis, k: Keys) {
  function decode(id: string, fields: Record<string, string>): Message {
    return Message.parse({ ...JSON.parse(fields.m ?? '{}'), id });
  }

  return {
    /** Stores the message once per clientMsgId; a re-send returns the stored one with `isNew: false`. */
    async append(m: NewMessage): Promise<{ message: Message; isNew: boolean }> {
      const res = (await appendScript(
        redis,
        [k.messages(m.conversationId), k.dedupe(m.conversationId)],
        [m.clientMsgId ?? '', JSON.stringify(m)],
      )) as [string, number];
      const [id, isNew] = res;
      if (isNew === 1) return { message: { ...m, id }, isNew: true };
      const stored = await this.get(m.conversationId, id);
      if (!stored) throw new Error(`message ${id} vanished from its stream`);
      return { message: stored, isNew: false };
    },

    async get(conversationId: string, id: MessageId): Promise<Message | null> {
      const [entry] = await redis.xRange(k.messages(conversationId), id, id);
      return entry ? decode(entry.id, entry.message) : null;
    },

    /** Messages after the cursor (exclusive), or all when the cursor is null. */
    async after(conversationId: string, after: MessageId | null, count = 1000): Promise<Message[]> {
      const start = after === null ? '-' : `(${after}`;
      const entries = await redis.xRange(k.messages(conversationId), start, '+', { COUNT: count });
      return entries.map((e) => decode(e.id, e.message));
    },

    /** The newest `count` messages, newest first. */
    async recent(conversationId: string, count: number): Promise<Message[]> {
      const entries = await redis.xRevRange(k.messages(conversationId), '+', '-', { COUNT: count });
      return entries.map((e) => decode(e.id, e.message));
    },

    async last(conversationId: string): Promise<Message | null> {
      const [entry] = await redis.xRevRange(k.messages(conversationId), '+', '-', { COUNT: 1 });
      return entry ? decode(entry.id, entry.message) : null;
    },
  };
}
export type MessageStore = ReturnType<typeof messageStore>;
