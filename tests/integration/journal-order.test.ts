import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../../server/src/redis/connect.ts';
import { keys } from '../../server/src/redis/keys.ts';
import { journal } from '../../server/src/waterfall/journal.ts';
import { cleanKeys, REDIS_URL } from '../support/harness.ts';

const prefix = `test:journal:${randomUUID().slice(0, 8)}`;
const k = keys(prefix);
let redis: Redis;

beforeAll(async () => {
  redis = await connectRedis({ REDIS_URL, REDIS_CLUSTER_NODES: [] }, () => {});
}, 30_000);

afterAll(async () => {
  await cleanKeys(prefix);
  await redis.close();
});

it.each([true, false])(
  'has a change noted before its state write reaches Redis (one server: %s)',
  async (oneServer) => {
    const notes = journal(redis, k, { oneServer });
    const siteId = `site-${String(oneServer)}`;
    const member = `c1 ${randomUUID()}`;
    const [conversationId = '', token = ''] = member.split(' ');
    // The write looks for the note from Redis itself: it must be there whatever the timing.
    const seenByWrite = await notes.begin(siteId, conversationId, token, 1000, () =>
      redis.zScore(k.intents(siteId), member),
    );
    expect(seenByWrite).toBe(1000);
    expect(await notes.staleBefore(siteId, 2000)).toEqual([{ entry: member, conversationId }]);
  },
);

it('fails the change when its note cannot be written, though the write went out behind it', async () => {
  const notes = journal(redis, k, { oneServer: true });
  const siteId = 'site-broken';
  await redis.set(k.intents(siteId), 'not a sorted set');
  let written = 0;
  await expect(
    notes.begin(siteId, 'c2', randomUUID(), 1000, () => {
      written++;
      return Promise.resolve('written');
    }),
  ).rejects.toThrow(/WRONGTYPE/);
  expect(written).toBe(1);
});
