import { Redis as IORedis } from 'ioredis';
import type { Config } from '../config.ts';

/**
 * BullMQ's own Redis connection (ioredis), from the same REDIS_URL as the store.
 * `maxRetriesPerRequest: null` lets workers wait through a Redis restart instead of failing.
 */
export function jobConnection(config: Config): IORedis {
  return new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
}

/** One hash tag for all of BullMQ's keys, so its multi-key scripts stay in one Redis Cluster slot. */
export const jobPrefix = (config: Config) => `{${config.KEY_PREFIX}:jobs}`;
