import { CascadeError } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';

/**
 * Fixed-window counters in Redis: the first hit of a window sets its expiry, so every
 * process counts against the same limit and a quiet key disappears by itself.
 */
export function rateLimiter(redis: Redis, prefix: string) {
  async function hit(name: string, limit: number, windowSeconds: number): Promise<boolean> {
    const key = `${prefix}:rate:${name}`;
    const [count] = (await redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec()) as unknown as [number];
    return count <= limit;
  }
  return {
    hit,
    /** Throws `rate_limited` with a message a person understands. */
    async check(name: string, limit: number, windowSeconds: number, message: string): Promise<void> {
      if (!(await hit(name, limit, windowSeconds))) throw new CascadeError('rate_limited', message);
    },
    async reset(name: string): Promise<void> {
      // Two calls: the keys may live in different slots of a Redis Cluster.
      await redis.del(`${prefix}:rate:${name}`);
      await redis.del(`${prefix}:rate:${name}:wait`);
    },
    /**
     * Counts a failure towards growing delays rather than a lock: the first `free` failures of
     * a window cost nothing, then each makes the next try wait twice as long, from 1 s up to
     * `maxSeconds`. Returns the wait it set, in seconds (0: none).
     */
    async fail(name: string, free: number, windowSeconds: number, maxSeconds: number): Promise<number> {
      const key = `${prefix}:rate:${name}`;
      const [count] = (await redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec()) as unknown as [number];
      if (count < free) return 0;
      const wait = Math.min(2 ** Math.min(count - free, 30), maxSeconds);
      await redis.set(`${key}:wait`, String(Date.now() + wait * 1000), { expiration: { type: 'EX', value: wait } });
      return wait;
    },
    /** Seconds until a name slowed down by `fail` may try again; 0 when it may now. */
    async waiting(name: string): Promise<number> {
      const ms = Number((await redis.get(`${prefix}:rate:${name}:wait`)) ?? 0) - Date.now();
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    },
  };
}
export type RateLimiter = ReturnType<typeof rateLimiter>;
