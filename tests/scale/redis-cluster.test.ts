import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message, TicketSummary } from '@cascade/shared';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../support/clients.ts';
import { handOverAndTalk } from '../support/hand-over.ts';
import { demoAdmin, killAll, newPrefix, spawnServer, type ServerProcess } from '../support/processes.ts';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster.ts';

const prefix = newPrefix();
let cluster: RedisCluster;
let servers: ServerProcess[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  const env = { REDIS_CLUSTER_NODES: cluster.nodes.join(','), REDIS_URL: 'redis://127.0.0.1:1' };
  servers = await Promise.all([0, 1].map(() => spawnServer(prefix, env)));
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await killAll();
  await (cluster as RedisCluster | undefined)?.stop();
});

const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;

function track<T extends TestClient>(client: T): T {
  clients.push(client);
  return client;
}

async function visitorOn(server: ServerProcess, token?: string) {
  const client = track(
    new TestClient(`${server.url}/visitor`, { auth: { siteKey: server.siteKey, ...(token ? { token } : {}) } }),
  );
  await client.connected();
  const hello = await client.ok<{ token: string; messages: Message[] }>('hello', {
    after: null,
    page: { url: 'https://shop.example/', title: 'Home' },
  });
  return { client, hello };
}

/** How many keys each master holds. */
async function keysPerMaster(): Promise<number[]> {
  return Promise.all(
    cluster.nodes.map(async (url) => {
      const node = createClient({ url });
      await node.connect();
      const n = await node.dbSize();
      await node.close();
      return n;
    }),
  );
}

describe('Cascade on a three-master Redis Cluster, served by two processes', () => {
  it('runs the whole waterfall with the visitor on one process and the agent on the other', async () => {
    const [p1, p2] = servers as [ServerProcess, ServerProcess];
    const admin = await demoAdmin(p1, prefix, { clusterNodes: cluster.nodes });
    const rest = admin.rest;

    // One chat at a time, so that the next visitor waits in line.
    const cookie = await admin.newAgent('Cluster Agent', 1);
    const agent = track(new TestClient(`${p2.url}/agent`, { extraHeaders: { cookie } }));
    await agent.connected();
    await agent.next('agent:status');

    const { client: visitor, hello } = await visitorOn(p1);
    await visitor.ok('message:send', send('How long does delivery take?'));
    const answer = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    expect(answer.bot?.kind).toBe('answer');

    const conversationId = await handOverAndTalk(visitor, agent, 'Cluster Agent');

    // A second visitor, on the agent's process, waits behind the busy agent.
    const { client: second } = await visitorOn(p2);
    const queued = await second.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(queued.conversation.queue?.position).toBe(1);

    // Needs follow-up: a ticket with the whole transcript, and the agent takes the next chat.
    const { ticket } = await agent.ok<{ ticket: TicketSummary }>('chat:followup', {
      conversationId,
      note: 'Check the warehouse',
    });
    expect((await visitor.next<ConversationView>('conversation:update', isState('ticketed'))).ticketNumber).toBe(
      ticket.number,
    );
    expect((await agent.next<ChatSummary>('chat:assigned')).conversation.id).toBe(queued.conversation.id);
    await second.next<ConversationView>('conversation:update', isState('assigned'));

    const detail = await rest.get<{ ticket: { transcript: Message[] } }>(`/api/tickets/${ticket.id}`);
    expect(detail.body.ticket.transcript.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        'How long does delivery take?',
        answer.text,
        'Hello from the agent',
        'Hello from the visitor',
      ]),
    );

    // The visitor comes back through the other process and finds the whole conversation.
    visitor.close();
    const { hello: again } = await visitorOn(p2, hello.token);
    expect(again.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining(['How long does delivery take?', 'Hello from the agent', 'Hello from the visitor']),
    );

    // The data really is spread over the cluster, not kept on one node.
    expect((await keysPerMaster()).every((n) => n > 0)).toBe(true);
  });
});
