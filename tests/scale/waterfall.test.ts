import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { cleanKeys, demoAccounts, killAll, login, newPrefix, spawnServer, type ServerProcess } from '../support/processes.ts';
import { restClient } from '../support/rest.ts';

const prefix = newPrefix();
let servers: ServerProcess[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  servers = await Promise.all([0, 1, 2].map(() => spawnServer(prefix)));
});
afterAll(async () => {
  for (const c of clients) c.close();
  await killAll();
  await cleanKeys(prefix);
});

const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;

async function visitorOn(server: ServerProcess) {
  const client = new TestClient(`${server.url}/visitor`, { auth: { siteKey: server.siteKey } });
  clients.push(client);
  await client.connected();
  await client.ok('hello', { after: null, page: { url: 'https://shop.example/', title: 'Home' } });
  return client;
}

describe('one site served by three processes', () => {
  it('runs the whole waterfall with the visitor on one process and the agent on another', async () => {
    const [p1, p2, p3] = servers as [ServerProcess, ServerProcess, ServerProcess];

    // An agent who takes one chat at a time, so that a line forms behind it.
    const admin = (await demoAccounts(prefix)).find((a) => a.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    const rest = restClient(p3.url, await login(p3.url, admin.email, admin.password));
    const email = `solo-${randomUUID().slice(0, 8)}@cedar.example`;
    const skills = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 3 }));
    const created = await rest.post<{ password: string }>('/api/agents', { siteId: 'demo', email, name: 'Solo Agent', role: 'agent', skills, maxChats: 1 });
    expect(created.status).toBe(200);
    const auth = await login(p2.url, email, created.body.password);
    const agent = new TestClient(`${p2.url}/agent`, { extraHeaders: { cookie: auth.cookie } });
    clients.push(agent);
    await agent.connected();
    await agent.next('agent:status');

    const visitor = await visitorOn(p1);
    await visitor.ok('message:send', send('How long does delivery take?'));
    const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(answer.bot?.kind).toBe('answer');

    await visitor.ok('conversation:escalate', {});
    const assigned = await agent.next<ChatSummary>('chat:assigned');
    const joined = await visitor.next<ConversationView>('conversation:update', isState('assigned'));
    expect(joined.agent?.name).toBe('Solo Agent');
    const conversationId = assigned.conversation.id;

    await agent.ok('chat:send', { conversationId, clientMsgId: randomUUID(), text: 'Hello from process two' });
    expect((await visitor.next<Message>('message:new', (m) => m.author === 'agent')).text).toBe('Hello from process two');
    await visitor.ok('message:send', send('Hello from process one'));
    expect((await agent.next<Message>('message:new', (m) => m.text === 'Hello from process one')).conversationId).toBe(conversationId);

    visitor.socket.emit('typing', { typing: true });
    expect(await agent.next<{ conversationId: string; typing: boolean }>('typing')).toEqual({ conversationId, typing: true });
    await agent.ok('chat:typing', { conversationId, typing: true });
    expect(await visitor.next<{ from: string; typing: boolean }>('typing')).toEqual({ from: 'agent', typing: true });

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
