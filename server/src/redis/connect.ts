import type { ServerEnv } from '@cascade/shared';
import { createClient, createCluster } from 'redis';
import type { Client, Cluster, Redis } from './client.ts';
import { loadScripts } from './scripts/index.ts';

export type { Redis, Transaction } from './client.ts';

/** Where Redis is: one server at REDIS_URL, or a Redis Cluster reached through its seed nodes. */
export type RedisTarget = Pick<ServerEnv, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>;

/** A connection for Pub/Sub (the Socket.IO adapter's and the knowledge-base channel's). */
export type PubSub = Client | Cluster;

const socket = { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000), connectTimeout: 5000 };

/** Connects a client that retries forever with a capped backoff, so a Redis restart heals itself. */
export async function connectRedis(target: RedisTarget, onError: (e: Error) => void): Promise<Redis> {
  const client = await connect(target, onError);
  // A single server forgets its scripts when it restarts: they are loaded again on every
  // reconnection, so calls keep running by SHA. (A cluster client sends each call to the node
  // of its keys, which loads the script from the source on its first NOSCRIPT.)
  if (!('masters' in client)) {
    client.on('ready', () => void loadScripts(client).catch(onError));
    await loadScripts(client);
  }
  return client;
}

/** Another connection to the same Redis, for subscribing (a subscribed connection sends nothing else). */
export async function connectPubSub(target: RedisTarget, onError: (e: Error) => void): Promise<PubSub> {
  return connect(target, onError);
}

async function connect(target: RedisTarget, onError: (e: Error) => void): Promise<Client | Cluster> {
  const client =
    target.REDIS_CLUSTER_NODES.length > 0
      ? createCluster({ rootNodes: target.REDIS_CLUSTER_NODES.map((url) => ({ url })), defaults: { socket } })
      : createClient({ url: target.REDIS_URL, socket });
  client.on('error', onError);
  await client.connect();
  return client;
}

/** The Redis a configuration names, for logs: the URL, or the cluster's seed nodes. */
export const describeTarget = (target: RedisTarget): string =>
  target.REDIS_CLUSTER_NODES.length > 0
    ? `the Redis Cluster at ${target.REDIS_CLUSTER_NODES.join(', ')}`
    : target.REDIS_URL;

/** True when something answers PING at the URL within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: timeoutMs, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.close();
  }
}
