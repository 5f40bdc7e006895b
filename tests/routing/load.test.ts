import type { ChatSummary, ConversationView } from '@cascade/shared';
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDIS_URL, startCascade, type Harness } from '../support/harness.ts';
import { SCENARIO_TIMEOUT_MS } from '../support/waits.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

it(
  'spreads 200 chats escalated at once over 20 agents: none over cap, none twice, all assigned, evenly',
  async () => {
    const agents = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.newAgent({ name: `Agent ${i}`, skills: [{ skill: 'general', level: 1 }], maxChats: 15 }),
      ),
    );
    const visitors = await Promise.all(Array.from({ length: 200 }, () => h.visitor()));
    await Promise.all(visitors.map((v) => v.ok('conversation:escalate', {})));
    await Promise.all(
      visitors.map((v) => v.next<ConversationView>('conversation:update', (c) => c.state === 'assigned', 20_000)),
    );

    const inboxes = await Promise.all(agents.map((a) => a.ok<{ mine: ChatSummary[] }>('inbox:get', {})));
    const loads = inboxes.map((i) => i.mine.length);
    const all = inboxes.flatMap((i) => i.mine.map((c) => c.conversation.id));
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(Math.max(...loads)).toBeLessThanOrEqual(15);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    agents.forEach((a, i) => expect(a.seen('chat:assigned')).toHaveLength(loads[i] ?? -1));

    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const load = await redis.hGetAll(`${h.prefix}:{s:${h.demo.siteId}}:load`);
    expect(agents.map((a) => Number(load[a.agentId]))).toEqual(loads);
    await redis.close();
  },
  SCENARIO_TIMEOUT_MS,
);
