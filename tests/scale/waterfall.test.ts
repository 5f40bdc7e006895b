import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { handOverAndTalk } from '../support/hand-over.ts';
import { demoAdmin, processStage, type ServerProcess } from '../support/processes.ts';

const stage = processStage<TestClient>(3);

const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;

async function visitorOn(server: ServerProcess) {
  const client = new TestClient(`${server.url}/visitor`, { auth: { siteKey: server.siteKey } });
  stage.track(client);
  await client.connected();
  await client.ok('hello', { after: null, page: { url: 'https://shop.example/', title: 'Home' } });
  return client;
}

describe('one site served by three processes', () => {
  it('runs the whole waterfall with the visitor on one process and the agent on another', async () => {
    const [p1, p2, p3] = stage.servers as [ServerProcess, ServerProcess, ServerProcess];

    // An agent who takes one chat at a time, so that a line forms behind it.
    const cookie = await (await demoAdmin(p3, stage.prefix)).newAgent('Solo Agent', 1);
    const agent = new TestClient(`${p2.url}/agent`, { extraHeaders: { cookie } });
    stage.track(agent);
    await agent.connected();
    await agent.next('agent:status');

    const visitor = await visitorOn(p1);
    await visitor.ok('message:send', send('How long does delivery take?'));
    const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(answer.bot?.kind).toBe('answer');

    const conversationId = await handOverAndTalk(visitor, agent, 'Solo Agent');

    // Two more visitors on the third process wait behind the busy agent.
    const second = await visitorOn(p3);
    const third = await visitorOn(p3);
    const secondQueued = await second.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    const thirdQueued = await third.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(secondQueued.conversation.queue?.position).toBe(1);
    expect(thirdQueued.conversation.queue?.position).toBe(2);

    // Resolving frees the agent: the next in line is claimed and the line moves for the last.
    await agent.ok('chat:resolve', { conversationId });
    expect((await visitor.next<ConversationView>('conversation:update', isState('resolved'))).canRate).toBe(true);
    const claimed = await agent.next<ChatSummary>('chat:assigned');
    expect(claimed.conversation.id).toBe(secondQueued.conversation.id);
    await second.next<ConversationView>('conversation:update', isState('assigned'));
    const moved = await third.next<ConversationView>('conversation:update', (c) => c.queue?.position === 1);
    expect(moved.state).toBe('queued');
  });
});
