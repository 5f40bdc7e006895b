import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/**
 * Erasing a visitor takes their tickets' and chats' email traces too: the reply address stops
 * working, and the thread and the held emails are gone.
 */
export async function forgetMail(
  redis: Redis,
  k: Keys,
  siteId: string,
  of: { tickets: string[]; conversations: string[] },
): Promise<void> {
  const subjects = [...of.tickets.map((id) => `t:${id}`), ...of.conversations.map((id) => `c:${id}`)];
  for (const subject of subjects) {
    const token = await redis.get(k.replyTokenOf(siteId, subject));
    await redis.del(k.replyTokenOf(siteId, subject));
    if (token) await redis.del(k.replyToken(token));
  }
  for (const ticketId of of.tickets) {
    const held = await redis.sMembers(k.heldEmails(siteId, ticketId));
    await redis.del([
      k.mailThread(siteId, ticketId),
      k.heldEmails(siteId, ticketId),
      ...held.flatMap((id) => [k.heldEmail(siteId, id), k.heldDecision(siteId, id)]),
    ]);
  }
}
