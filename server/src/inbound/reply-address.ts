import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/**
 * What a reply token stands for: a ticket, or a conversation whose transcript was emailed (a
 * reply to that one reopens the story as a ticket).
 */
export const ReplyTarget = z.union([
  z.object({ siteId: z.string(), ticketId: z.string() }),
  z.object({ siteId: z.string(), conversationId: z.string() }),
]);
export type ReplyTarget = z.infer<typeof ReplyTarget>;

/** 128 random bits in lower-case hex: not guessable, and safe from mail servers that fold case. */
const TOKEN = /^reply\+([0-9a-f]{32})@([^@\s]+)$/;

/** The token of `reply+<token>@domain`, when the address is one of ours; null for any other. */
export function replyTokenOf(address: string, domain: string): string | null {
  const m = TOKEN.exec(address.trim().toLowerCase());
  return m?.[1] && m[2] === domain.toLowerCase() ? m[1] : null;
}

/** How many Message-IDs of a thread go into References: enough for every client to thread. */
const THREAD_KEPT = 20;

/**
 * Reply addresses and email threads. A ticket (or a transcript's conversation) gets its token
 * the first time an email about it goes out, and keeps it: every later email, and every reply
 * to any of them, carries the same address.
 */
export function replyAddresses(redis: Redis, k: Keys, domain: string | undefined) {
  const subjectOf = (t: ReplyTarget) => ('ticketId' in t ? `t:${t.ticketId}` : `c:${t.conversationId}`);

  return {
    /** `reply+<token>@domain` for the target; null when this server takes no replies (no INBOUND_DOMAIN). */
    async addressFor(target: ReplyTarget): Promise<string | null> {
      if (!domain) return null;
      const own = k.replyTokenOf(target.siteId, subjectOf(target));
      // Two emails composed at once both offer a token; the first one written wins for both.
      await redis.set(own, randomBytes(16).toString('hex'), { condition: 'NX' });
      const token = await redis.get(own);
      if (!token) throw new Error('the reply token vanished');
      await redis.set(k.replyToken(token), JSON.stringify(target));
      return `reply+${token}@${domain}`;
    },

    /** The ticket or conversation behind an address; null for an address that is not a live reply address. */
    async resolve(address: string): Promise<ReplyTarget | null> {
      const token = domain ? replyTokenOf(address, domain) : null;
      if (!token) return null;
      const raw = await redis.get(k.replyToken(token));
      if (!raw) return null;
      const parsed = ReplyTarget.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },

    /** Points a conversation's token at the ticket its reply opened, so later replies go straight to it. */
    async retarget(address: string, target: ReplyTarget): Promise<void> {
      const token = domain ? replyTokenOf(address, domain) : null;
      if (token) await redis.set(k.replyToken(token), JSON.stringify(target));
    },

    /** The thread's Message-IDs, oldest first: the last is In-Reply-To, all are References. */
    async thread(siteId: string, ticketId: string): Promise<string[]> {
      return redis.lRange(k.mailThread(siteId, ticketId), -THREAD_KEPT, -1);
    },

    /** Adds a message to the thread once (a retried email keeps its Message-ID). */
    async addToThread(siteId: string, ticketId: string, messageId: string): Promise<void> {
      const key = k.mailThread(siteId, ticketId);
      if ((await redis.lRange(key, 0, -1)).includes(messageId)) return;
      await redis.multi().rPush(key, messageId).lTrim(key, -THREAD_KEPT, -1).exec();
    },
  };
}
export type ReplyAddresses = ReturnType<typeof replyAddresses>;
