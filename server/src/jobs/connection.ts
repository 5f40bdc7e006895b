import { Cluster, Redis as IORedis } from 'ioredis';
import type { Config } from '../config.ts';

/**
 * BullMQ's own Redis connection (ioredis), to the same Redis or Redis Cluster as the store.
 * `maxRetriesPerRequest: null` lets workers wait through a Redis restart instead of failing.
 */
export function jobConnection(config: Config): IORedis | Cluster {
  if (config.REDIS_CLUSTER_NODES.length === 0) return new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const urls = config.REDIS_CLUSTER_NODES.map((url) => new URL(url));
  const nodes = urls.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) }));
  // Every node shares the cluster's credentials; they are read from the first seed URL.
  const first = urls[0]!;
  const auth = {
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
    ...(first.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: null, ...auth } });
}

/** One hash tag for all of BullMQ's keys, so its multi-key scripts stay in one Redis Cluster slot. */
export const jobPrefix = (config: Config) => `{${config.KEY_PREFIX}:jobs}`;
