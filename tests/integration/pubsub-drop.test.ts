import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createResync, mergeMessages } from '@cascade/client-core';
import type { ChatSummary, ConversationView, VisitorMessage } from '@cascade/shared';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { REDIS_URL } from '../support/harness.ts';
import { demoAdmin, processStage } from '../support/processes.ts';
import { waitUntil } from '../support/waits.ts';

const stage = processStage<TestClient>(2);

/** Closes the Redis pub/sub connections of one process only (other test runs share this Redis). */
async function killPubSub(pid: number): Promise<number> {
  const ports = new Set(
    execFileSync('ss', ['-tnpH', 'dport = :6379'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(`pid=${pid},`))
      .map((line) => line.trim().split(/\s+/)[3]?.split(':').at(-1)),
  );
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  try {
    const list = await redis.sendCommand<string>(['CLIENT', 'LIST', 'TYPE', 'pubsub']);
    const ids = list
      .split('\n')
      .filter((line) => ports.has(/ addr=[^ ]*:(\d+) /.exec(line)?.[1]))
      .map((line) => /^id=(\d+)/.exec(line)?.[1] ?? '');
    for (const id of ids) await redis.sendCommand(['CLIENT', 'KILL', 'ID', id]);
    return ids.length;
  } finally {
    await redis.close();
  }
}

describe('pushes lost while Redis pub/sub reconnects', () => {
  it('are fetched by the receiver through the gap its next push shows', async () => {
    const [sender, receiver] = stage.servers;
    if (!sender || !receiver?.child.pid) throw new Error('two processes expected');
    const cookie = await (await demoAdmin(sender, stage.prefix)).newAgent('Pia Sender', 5);
    const agent = stage.track(new TestClient(`${sender.url}/agent`, { extraHeaders: { cookie } }));
    await agent.connected();
    await agent.ok('agent:status', { status: 'online' });

    // The visitor is on the other process: the agent's messages reach it through Redis pub/sub.
    const visitor = stage.track(new TestClient(`${receiver.url}/visitor`, { auth: { siteKey: receiver.siteKey } }));
    await visitor.connected();
    await visitor.ok('hello', { after: null, page: null });
    let held: readonly VisitorMessage[] = [];
    const resync = createResync<VisitorMessage>({
      async fetch(_id, after) {
        const r = await visitor.request<{ messages: VisitorMessage[] }>('messages:sync', { after });
        return r.ok ? r.messages : null;
      },
      take: (_id, messages) => (held = mergeMessages(held, messages)),
    });
    const pushed = new Set<string>();
    visitor.socket.on('message:new', (m: VisitorMessage) => {
      pushed.add(m.text);
      held = mergeMessages(held, [m]);
      resync.pushed(m);
    });

    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'Where is my order?' });
    await visitor.ok('conversation:escalate', {});
    const { conversation } = await agent.next<ChatSummary>('chat:assigned');
    await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
    await resync.sync(conversation.id);

    const say = (text: string) =>
      agent.ok('chat:send', { conversationId: conversation.id, clientMsgId: randomUUID(), text });
    const pid = receiver.child.pid;
    expect(await killPubSub(pid)).toBeGreaterThan(0);
    await say('first after the drop');
    const burst = Array.from({ length: 10 }, (_, i) => `burst ${i + 1}`);
    // The receiver's subscriber is closed again and again while the burst is published.
    const dropping = { on: true };
    const drops = (async () => {
      while (dropping.on) await killPubSub(pid);
    })();
    for (const text of burst) await say(text);
    dropping.on = false;
    await drops;

    // Once the receiver hears again, the first push it gets names what came before it.
    let n = 0;
    await waitUntil(
      'a push to reach the visitor after the pub/sub reconnect',
      async () => {
        await say(`after ${++n}`);
        return [...pushed].some((t) => t.startsWith('after '));
      },
      Boolean,
    );
    const expected = ['first after the drop', ...burst, ...Array.from({ length: n }, (_, i) => `after ${i + 1}`)];
    await waitUntil(
      'every message of the agent to be held',
      () => held.filter((m) => m.author === 'agent').map((m) => m.text),
      (texts) => texts.length === expected.length,
    );
    expect(held.filter((m) => m.author === 'agent').map((m) => m.text)).toEqual(expected);
    console.info(`pushes lost while pub/sub reconnected: ${expected.filter((t) => !pushed.has(t)).length}`);
  });
});
