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
    async count(name: string): Promise<number> {
      return Number((await redis.get(`${prefix}:rate:${name}`)) ?? 0);
    },
    async reset(name: string): Promise<void> {
      await redis.del(`${prefix}:rate:${name}`);
    },
  };
}
export type RateLimiter = ReturnType<typeof rateLimiter>;
