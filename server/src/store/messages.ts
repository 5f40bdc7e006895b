import { Conversation, StoredMessage, type ConversationState, type Message, type MessageId } from '@cascade/shared';
import { fromHash } from '../redis/codec.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';
import { withoutLinks } from '../files/links.ts';
import { merged } from '../records.ts';

export type NewMessage = Omit<StoredMessage, 'id'>;

/** Signs a stored message's file links on its way out (files/links.ts). */
export type SignLinks = (m: StoredMessage) => Message;

/** What a person's message must satisfy to be stored: checked in Redis, in the same step. */
export type SendGuard = {
  /** The conversation must be this visitor's or this agent's; null when already checked. */
  owner: { field: 'visitorId' | 'agentId'; id: string } | null;
  states: Iterable<ConversationState>;
  /** The conversation must belong to one of these sites; omitted for any. */
  sites?: readonly string[];
  /** Counted per sender and conversation (`visitor`, `agent:<id>`), `limit` per `windowSeconds`. */
  sender: string;
  limit: number;
  windowSeconds: number;
};

/** The message stored just before a new one (null for the first); unknown for a re-send. */
type Before = { before?: Message | null };

/** A stream entry as a script returns it: its id and its fields as a flat list. */
type RawEntry = [string, string[]];

export type Sent =
  | ({ kind: 'stored'; message: Message; isNew: boolean; conversation: Conversation } & Before)
  | { kind: 'refused' }
  | { kind: 'limited' };

/** A conversation's messages live in a Redis Stream: ordered ids that double as resume cursors. */
export function messageStore(redis: Redis, k: Keys, sign: SignLinks) {
  function decode(id: string, fields: Record<string, string>): Message {
    // The stream's id is set on the parsed object rather than spread beside it (`records.ts`).
    const raw = JSON.parse(fields.m ?? '{}') as Record<string, unknown>;
    raw.id = id;
    return sign(StoredMessage.parse(raw));
  }

  function decodeRaw(entry: RawEntry | undefined): Message | null {
    if (!entry) return null;
    const [id, flat] = entry;
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
    return decode(id, fields);
  }

  /** Links are never stored: they expire, and are signed again whenever the message is read. */
  function encode(m: NewMessage): string {
    return JSON.stringify(withoutLinks(m));
  }

  return {
    /**
     * Stores the message once per clientMsgId (or per `once`, a key of the server's own, such as a
     * transition's); a re-send returns the stored one with `isNew: false`.
     */
    async append(
      m: NewMessage,
      once: string | null = m.clientMsgId,
    ): Promise<{ message: Message; isNew: boolean } & Before> {
      const res = (await scripts.appendMessage(
        redis,
        [k.messages(m.conversationId), k.dedupe(m.conversationId)],
        [once ?? '', encode(m)],
      )) as [string, number, RawEntry?];
      const [id, isNew, before] = res;
      if (isNew === 1) return { message: sign(merged(m, { id })), isNew: true, before: decodeRaw(before) };
      const stored = await this.get(m.conversationId, id);
      if (!stored) throw new Error(`message ${id} vanished from its stream`);
      return { message: stored, isNew: false };
    },

    /**
     * A visitor's or agent's message: stored once per clientMsgId if the guard holds, in one
     * round trip; `refused` means the conversation is not (or no longer) open to this sender.
     */
    async send(m: NewMessage & { clientMsgId: string }, guard: SendGuard): Promise<Sent> {
      const res = (await scripts.sendMessage(
        redis,
        [
          k.conversation(m.conversationId),
          k.messages(m.conversationId),
          k.dedupe(m.conversationId),
          k.messageRate(m.conversationId, guard.sender),
        ],
        [
          guard.owner?.field ?? '',
          JSON.stringify(guard.owner?.id ?? ''),
          [...guard.states].map((s) => JSON.stringify(s)).join(' '),
          guard.limit,
          guard.windowSeconds,
          m.clientMsgId,
          encode(m),
          (guard.sites ?? []).map((id) => JSON.stringify(id)).join(' '),
        ],
      )) as [string] | [string, number, string[], RawEntry?];
      if (res.length === 1) return { kind: res[0] === 'limited' ? 'limited' : 'refused' };
      const [id, isNew, flat, before] = res;
      const hash: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) hash[flat[i]!] = flat[i + 1]!;
      const conversation = fromHash(Conversation, hash);
      if (!conversation) return { kind: 'refused' };
      if (isNew === 1)
        return {
          kind: 'stored',
          message: sign(merged(m, { id })),
          isNew: true,
          conversation,
          before: decodeRaw(before),
        };
      const stored = await this.get(m.conversationId, id);
      if (!stored) throw new Error(`message ${id} vanished from its stream`);
      return { kind: 'stored', message: stored, isNew: false, conversation };
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

    /** Up to `count` messages before `id` (exclusive), newest first. */
    async before(conversationId: string, id: MessageId, count: number): Promise<Message[]> {
      const entries = await redis.xRevRange(k.messages(conversationId), `(${id}`, '-', { COUNT: count });
      return entries.map((e) => decode(e.id, e.message));
    },

    async last(conversationId: string): Promise<Message | null> {
      const [entry] = await redis.xRevRange(k.messages(conversationId), '+', '-', { COUNT: 1 });
      return entry ? decode(entry.id, entry.message) : null;
    },
  };
}
export type MessageStore = ReturnType<typeof messageStore>;
