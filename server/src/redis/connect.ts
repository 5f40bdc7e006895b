import { createClient } from 'redis';

export type Redis = ReturnType<typeof createClient>;

/** Connects a client that retries forever with a capped backoff, so a Redis restart heals itself. */
export async function connectRedis(url: string, onError: (e: Error) => void): Promise<Redis> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000), connectTimeout: 5000 },
  });
  client.on('error', onError);
  await client.connect();
  return client;
}

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
