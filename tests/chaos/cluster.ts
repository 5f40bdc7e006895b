import { dropSchema } from '../support/database.ts';
import { demoAdmin, killAll, newPrefix, spawnServer, type ServerProcess } from '../support/processes.ts';
import { startBalancer, type Balancer } from './balancer.ts';
import { privateRedis, type PrivateRedis } from './redis.ts';

export type Cluster = {
  prefix: string;
  redis: PrivateRedis;
  servers: [ServerProcess, ServerProcess];
  balancer: Balancer;
  /** A new agent of the demo site who can take any chat: their session cookie. */
  newAgent(name: string, maxChats: number): Promise<string>;
  /** Stops everything and removes the Redis folder and the history schema, whatever state it is in. */
  dispose(): Promise<void>;
};

/**
 * Two Cascade processes on one private Redis with AOF, behind one balancer: the set-up of one
 * chaos scenario. `env` sizes the timers (grace, presence) for the scenario.
 */
export async function startCluster(env: Record<string, string> = {}): Promise<Cluster> {
  const prefix = newPrefix();
  const redis = await privateRedis();
  let balancer: Balancer | null = null;
  const dispose = async () => {
    await balancer?.close();
    await killAll();
    await redis.dispose();
    await dropSchema(prefix).catch(() => undefined);
  };
  try {
    const started = await Promise.all([0, 1].map(() => spawnServer(prefix, { REDIS_URL: redis.url, ...env })));
    const servers = started as [ServerProcess, ServerProcess];
    balancer = await startBalancer(() => servers);
    const admin = await demoAdmin(servers[0], prefix, { redisUrl: redis.url });
    return { prefix, redis, servers, balancer, newAgent: admin.newAgent, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}
