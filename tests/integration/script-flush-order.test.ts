import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from 'redis';
import { connectRedis, type Redis } from '../../server/src/redis/connect.ts';
import { keys } from '../../server/src/redis/keys.ts';
import { localLinks } from '../../server/src/testing/links.ts';
import { messageStore } from '../../server/src/store/messages.ts';
import { cleanKeys, REDIS_URL } from '../support/harness.ts';

const prefix = `test:flush:${randomUUID().slice(0, 8)}`;
let redis: Redis;
// Another process on the same Redis: it flushes the script cache and loads scripts again.
const other = createClient({ url: REDIS_URL });

beforeAll(async () => {
  redis = await connectRedis({ REDIS_URL, REDIS_CLUSTER_NODES: [] }, () => {});
  await other.connect();
}, 30_000);

afterAll(async () => {
  await cleanKeys(prefix);
  await redis.close();
  await other.close();
});

it('stores one agent’s burst in the order sent while the script cache is flushed and reloaded', async () => {
  const k = keys(prefix);
  const store = messageStore(redis, k, localLinks());
  const conversationId = randomUUID().replace(/-/g, '');
  const source = (await import('../../server/src/redis/scripts/index.ts')).scripts.appendMessage.source;
  const flushing = { on: true };
  const flusher = (async () => {
    while (flushing.on) {
      await other.sendCommand(['SCRIPT', 'FLUSH']);
      await other.scriptLoad(source);
    }
  })();
  const sent: string[] = [];
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < 400; i++) {
    const clientMsgId = randomUUID();
    sent.push(clientMsgId);
    pending.push(
      store.append({
        conversationId,
        clientMsgId,
        author: 'agent',
        agentId: 'agent1',
        authorName: 'Lina',
        text: `message ${i}`,
        ts: Date.now(),
        internal: false,
        bot: null,
        event: null,
        data: null,
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(pending);
  flushing.on = false;
  await flusher;
  const stored = await store.after(conversationId, null, 1000);
  expect(stored.map((m) => m.clientMsgId)).toEqual(sent);
}, 120_000);
