import { Delivery, type DeliveryListQuery } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';
import { scripts } from '../redis/scripts/index.ts';

/** A delivered record is kept this long for the console; failed and pending ones stay until they end. */
const DELIVERED_TTL_SECONDS = 30 * 24 * 3600;

export type NewDelivery = Pick<Delivery, 'id' | 'siteId' | 'kind' | 'subject' | 'target' | 'createdAt'>;

/** Each delivery's state in Redis, so that agents see what reached the outside and what did not. */
export function deliveryRecords(redis: Redis, k: Keys) {
  return {
    /** Records the delivery unless it already exists; the same event twice gives one record. */
    async createOnce(n: NewDelivery): Promise<{ delivery: Delivery; isNew: boolean }> {
      const fresh: Delivery = {
        ...n,
        status: 'pending',
        tries: 0,
        lastError: null,
        updatedAt: n.createdAt,
        deliveredAt: null,
      };
      const fields = Object.entries(toHash(fresh)).flat();
      const isNew =
        (await scripts.createDelivery(
          redis,
          [k.delivery(n.siteId, n.id), k.deliveries(n.siteId)],
          [n.id, n.createdAt, ...fields],
        )) === 1;
      if (isNew) return { delivery: fresh, isNew };
      const stored = await this.get(n.siteId, n.id);
      if (!stored) throw new Error(`delivery ${n.id} vanished`);
      return { delivery: stored, isNew };
    },

    async get(siteId: string, id: string): Promise<Delivery | null> {
      return fromHash(Delivery, await redis.hGetAll(k.delivery(siteId, id)));
    },

    async tryStarted(siteId: string, id: string): Promise<void> {
      const key = k.delivery(siteId, id);
      await redis
        .multi()
        .hIncrBy(key, 'tries', 1)
        .hSet(key, toHash({ updatedAt: Date.now() }))
        .exec();
    },

    /** Where the delivery goes now (a webhook URL changed in the settings since it was queued). */
    async retarget(siteId: string, id: string, target: string): Promise<void> {
      await redis.hSet(k.delivery(siteId, id), toHash({ target }));
    },

    async delivered(siteId: string, id: string): Promise<void> {
      const key = k.delivery(siteId, id);
      const now = Date.now();
      await redis
        .multi()
        .hSet(key, toHash({ status: 'delivered', lastError: null, deliveredAt: now, updatedAt: now }))
        .expire(key, DELIVERED_TTL_SECONDS)
        .exec();
    },

    /** A failed try; the delivery itself fails only when no try is left. */
    async tryFailed(siteId: string, id: string, error: string, final: boolean): Promise<void> {
      const patch = {
        lastError: error.slice(0, 1000),
        updatedAt: Date.now(),
        ...(final ? { status: 'failed' as const } : {}),
      };
      await redis.hSet(k.delivery(siteId, id), toHash(patch));
    },

    /** Failed back to pending, for a retry; false when it was not failed (or another retry won). */
    async reopen(siteId: string, id: string): Promise<boolean> {
      return (await scripts.reopenDelivery(redis, [k.delivery(siteId, id)], [Date.now()])) === 1;
    },

    /** Newest first; delivered records that expired leave the index as they are met. */
    async list(siteIds: string[], q: DeliveryListQuery): Promise<{ deliveries: Delivery[]; total: number }> {
      const all: Delivery[] = [];
      for (const siteId of siteIds) {
        const ids = await redis.zRange(k.deliveries(siteId), 0, -1, { REV: true });
        const records = await Promise.all(ids.map((id) => this.get(siteId, id)));
        const gone = ids.filter((_, i) => records[i] === null);
        if (gone.length > 0) await redis.zRem(k.deliveries(siteId), gone);
        for (const r of records) if (r && (!q.status || r.status === q.status)) all.push(r);
      }
      all.sort((a, b) => b.createdAt - a.createdAt);
      return { deliveries: all.slice(q.offset, q.offset + q.limit), total: all.length };
    },
  };
}
export type DeliveryRecords = ReturnType<typeof deliveryRecords>;
