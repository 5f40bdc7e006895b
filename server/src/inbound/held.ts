import { randomBytes } from 'node:crypto';
import { HeldEmail } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';

/** Held emails, per ticket, until an agent accepts or discards them; kept afterwards to show what was decided. */
export function heldEmails(redis: Redis, k: Keys) {
  return {
    async hold(e: Omit<HeldEmail, 'id' | 'status'>): Promise<HeldEmail> {
      const held: HeldEmail = { ...e, id: randomBytes(12).toString('hex'), status: 'held' };
      await redis
        .multi()
        .hSet(k.heldEmail(e.siteId, held.id), toHash(held))
        .sAdd(k.heldEmails(e.siteId, e.ticketId), held.id)
        .exec();
      return held;
    },

    async get(siteId: string, id: string): Promise<HeldEmail | null> {
      return fromHash(HeldEmail, await redis.hGetAll(k.heldEmail(siteId, id)));
    },

    async ofTicket(siteId: string, ticketId: string): Promise<HeldEmail[]> {
      const ids = await redis.sMembers(k.heldEmails(siteId, ticketId));
      const found = await Promise.all(ids.map((id) => this.get(siteId, id)));
      return found.filter((h): h is HeldEmail => h !== null).sort((a, b) => a.receivedAt - b.receivedAt);
    },

    /** Records the decision; false when another agent decided first. */
    async decide(siteId: string, id: string, status: 'accepted' | 'discarded'): Promise<boolean> {
      if (!(await redis.set(k.heldDecision(siteId, id), status, { condition: 'NX' }))) return false;
      await redis.hSet(k.heldEmail(siteId, id), toHash({ status }));
      return true;
    },
  };
}
export type HeldEmails = ReturnType<typeof heldEmails>;
