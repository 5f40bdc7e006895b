import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { ChatSummary, ConversationView, Delivery, WebhookPayload } from '@cascade/shared';
import type { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { deliveryEvents, finished, listDeliveries } from './jobs.ts';
import { WebhookReceiver } from './receiver.ts';
import { verifyCascade } from './signature.ts';

let h: Harness;
let events: QueueEvents;
let receiver: WebhookReceiver;
let agentCookie: { cookie: string; csrf: string };

beforeAll(async () => {
  h = await startCascade({ DELIVERY_BACKOFF_MS: '20', DELIVERY_ATTEMPTS: '6' });
  events = await deliveryEvents(h);
  receiver = await WebhookReceiver.start();
  await h.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
  agentCookie = await h.login('lina@cedar.example');
});
afterAll(async () => {
  await events.close();
  await receiver.close();
  await h.close();
});

const conversationOf = (p: WebhookPayload): string =>
  p.type === 'ticket.created'
    ? p.data.ticket.conversationId
    : p.type === 'csat.submitted'
      ? p.data.conversationId
      : p.data.conversation.id;

/** A visitor nobody can serve leaves an email: the chat becomes a ticket. Returns the ticket.created delivery id. */
async function ticketFromVisitor(): Promise<string> {
  const visitor = await h.visitor();
  const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  expect(offered.conversation.state).toBe('offered_ticket');
  await visitor.ok('conversation:leave-email', { email: `v${randomUUID().slice(0, 8)}@example.com` });
  visitor.close();
  const ticket = await h.cascade.tickets.ofConversation(h.demo.siteId, offered.conversation.id);
  if (!ticket) throw new Error('no ticket');
  return `wh.ticket.created.${ticket.id}`;
}

async function retry(id: string, csrf?: string): Promise<Response> {
  return fetch(`${h.url}/api/deliveries/${id}/retry`, {
    method: 'POST',
    headers: { cookie: agentCookie.cookie, ...(csrf ? { 'x-cascade-csrf': csrf } : {}) },
  });
}

const recordOf = async (id: string): Promise<Delivery | undefined> =>
  (await listDeliveries(h, agentCookie.cookie)).find((d) => d.id === id);

describe('webhooks', () => {
  it('signs every event of a chat so the documented recipe verifies it, and says who rated what', async () => {
    const secret = (await h.cascade.sites.secrets(h.demo.siteId))?.webhookSecret ?? '';
    const agent = await h.newAgent({ skills: [{ skill: 'general', level: 1 }], name: 'Nadia Karimi' });
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'hello' });
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const id = chat.conversation.id;
    await agent.ok('chat:resolve', { conversationId: id });
    await visitor.ok('conversation:rate', { score: 5, comment: 'Quick and kind' });

    const types = [
      'conversation.started',
      'conversation.escalated',
      'conversation.resolved',
      'csat.submitted',
    ] as const;
    const hits = await Promise.all(
      types.map((type) => receiver.next((x) => x.payload.type === type && conversationOf(x.payload) === id)),
    );
    for (const hit of hits) {
      expect(verifyCascade(hit.headers, hit.raw, secret)).toBe(true);
      expect(verifyCascade(hit.headers, hit.raw, 'another secret')).toBe(false);
      expect(hit.headers['x-cascade-event']).toBe(hit.payload.type);
      expect(hit.headers['x-cascade-delivery']).toBe(hit.payload.id);
      expect(hit.payload.siteId).toBe(h.demo.siteId);
      expect(receiver.of(hit.payload.id)).toHaveLength(1);
    }
    const csat = hits[3]?.payload;
    expect(csat?.type === 'csat.submitted' && csat.data).toMatchObject({
      conversationId: id,
      score: 5,
      comment: 'Quick and kind',
      agent: { id: agent.agentId, name: 'Nadia Karimi' },
      skill: 'general',
      level: 1,
    });
    await agent.ok('agent:status', { status: 'away' });
    agent.close();
    visitor.close();
  });

  it('tries a receiver that fails twice once more, and the ticket arrives once', async () => {
    receiver.answer = (p, attempt) => (p.type === 'ticket.created' && attempt <= 2 ? 500 : 200);
    const id = await ticketFromVisitor();
    await finished(h, events, id);
    const hits = receiver.of(id);
    expect(hits.map((x) => x.status)).toEqual([500, 500, 200]);
    expect(new Set(hits.map((x) => x.raw)).size).toBe(1);
    expect(hits[0]?.payload.type === 'ticket.created' && hits[0].payload.data.ticket.transcript.length).toBeGreaterThan(
      0,
    );
    expect(await recordOf(id)).toMatchObject({
      status: 'delivered',
      tries: 3,
      lastError: null,
      kind: 'webhook',
      subject: 'ticket.created',
    });
  });

  it('shows a delivery that always failed, and a retry completes it once the receiver works', async () => {
    receiver.answer = (p) => (p.type === 'ticket.created' ? 500 : 200);
    const id = await ticketFromVisitor();
    await expect(finished(h, events, id)).rejects.toThrow('the receiver answered HTTP 500');
    const failed = (await listDeliveries(h, agentCookie.cookie, '?status=failed')).find((d) => d.id === id);
    expect(failed).toMatchObject({
      status: 'failed',
      tries: 6,
      lastError: 'the receiver answered HTTP 500',
      target: receiver.url,
    });

    expect((await retry(id)).status).toBe(403);
    receiver.answer = () => 200;
    const res = await retry(id, agentCookie.csrf);
    expect(res.status).toBe(200);
    await finished(h, events, id);
    expect(await recordOf(id)).toMatchObject({ status: 'delivered', tries: 7, lastError: null });
    expect(receiver.of(id).filter((x) => x.status === 200)).toHaveLength(1);
    expect((await retry(id, agentCookie.csrf)).status).toBe(409);
  });

  it('counts an unreachable receiver as a failed try; the retry goes to the address fixed in settings', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    await h.configureSite({
      sinks: { webhookUrl: `http://127.0.0.1:${port}/gone`, supportEmail: null, emailVisitors: false },
    });

    const id = await ticketFromVisitor();
    await expect(finished(h, events, id)).rejects.toThrow('ECONNREFUSED');
    expect(await recordOf(id)).toMatchObject({
      status: 'failed',
      lastError: `could not reach http://127.0.0.1:${port}: ECONNREFUSED`,
    });

    await h.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
    expect((await retry(id, agentCookie.csrf)).status).toBe(200);
    await finished(h, events, id);
    expect(await recordOf(id)).toMatchObject({ status: 'delivered', target: receiver.url });
    expect(receiver.of(id)).toHaveLength(1);
  });

  it('lists only the deliveries of the agent’s own sites, and only to agents', async () => {
    expect((await fetch(`${h.url}/api/deliveries`)).status).toBe(401);
    expect(await listDeliveries(h, agentCookie.cookie, '?siteId=another-site')).toEqual([]);
    const res = await fetch(`${h.url}/api/deliveries/wh.nothing.here/retry`, {
      method: 'POST',
      headers: { cookie: agentCookie.cookie, 'x-cascade-csrf': agentCookie.csrf },
    });
    expect(res.status).toBe(404);
  });
});

/** A delivery's last error when the receiver's address is on this server's own network. */
const INTERNAL_REFUSAL = new RegExp(
  [
    String.raw`^could not reach http://(127\.0\.0\.1|localhost):\d+: `,
    String.raw`.* is an internal address \(.+\); set ALLOW_INTERNAL_WEBHOOKS=true`,
  ].join(''),
);

describe('webhooks to this server’s own network', () => {
  it('are refused unless ALLOW_INTERNAL_WEBHOOKS is set, by address and by name, and nothing is sent', async () => {
    const strict = await startCascade({
      ALLOW_INTERNAL_WEBHOOKS: 'false',
      DELIVERY_BACKOFF_MS: '20',
      DELIVERY_ATTEMPTS: '2',
    });
    const strictEvents = await deliveryEvents(strict);
    const inbox = await WebhookReceiver.start();
    try {
      const byName = inbox.url.replace('127.0.0.1', 'localhost');
      for (const url of [inbox.url, byName]) {
        await strict.configureSite({ sinks: { webhookUrl: url, supportEmail: null, emailVisitors: false } });
        const visitor = await strict.visitor();
        const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
        await visitor.ok('conversation:leave-email', { email: 'sam@example.com' });
        visitor.close();
        const ticket = await strict.cascade.tickets.ofConversation(strict.demo.siteId, offered.conversation.id);
        const id = `wh.ticket.created.${ticket!.id}`;
        await expect(finished(strict, strictEvents, id)).rejects.toThrow('is an internal address');
        const { cookie } = await strict.login('lina@cedar.example');
        const record = (await listDeliveries(strict, cookie)).find((d) => d.id === id);
        expect(record?.status).toBe('failed');
        expect(record?.lastError).toMatch(INTERNAL_REFUSAL);
      }
      expect(inbox.hits).toHaveLength(0);
    } finally {
      await strictEvents.close();
      await inbox.close();
      await strict.close();
    }
  });
  it('are refused when they name an address of this machine’s own interfaces, with the reason in the list', async () => {
    // A non-loopback address of this machine: the server's own services answer on it too.
    const own = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    expect(own, 'this test needs a non-loopback IPv4 interface').toBeDefined();
    const strict = await startCascade({
      ALLOW_INTERNAL_WEBHOOKS: 'false',
      DELIVERY_BACKOFF_MS: '20',
      DELIVERY_ATTEMPTS: '2',
    });
    const strictEvents = await deliveryEvents(strict);
    const inbox = await WebhookReceiver.start(own!.address);
    try {
      // The port is open there, so a refusal below is the server's choice, not a dead address.
      const { hostname, port } = new URL(inbox.url);
      await new Promise<void>((resolve, reject) => {
        const socket = connect({ host: hostname, port: Number(port), timeout: 5000 }, () => {
          socket.end();
          resolve();
        });
        socket.on('error', reject).on('timeout', () => reject(new Error('no connection within 5 s')));
      });

      await strict.configureSite({ sinks: { webhookUrl: inbox.url, supportEmail: null, emailVisitors: false } });
      const visitor = await strict.visitor();
      const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
      await visitor.ok('conversation:leave-email', { email: 'sam@example.com' });
      visitor.close();
      const ticket = await strict.cascade.tickets.ofConversation(strict.demo.siteId, offered.conversation.id);
      const id = `wh.ticket.created.${ticket!.id}`;
      await expect(finished(strict, strictEvents, id)).rejects.toThrow('is an internal address');
      const { cookie } = await strict.login('lina@cedar.example');
      const record = (await listDeliveries(strict, cookie)).find((d) => d.id === id);
      expect(record?.status).toBe('failed');
      const origin = new URL(inbox.url).origin;
      expect(record?.lastError).toBe(
        `could not reach ${origin}: ${own!.address} is an internal address (${own!.address}); set ALLOW_INTERNAL_WEBHOOKS=true to allow it`,
      );
      expect(inbox.hits).toHaveLength(0);
    } finally {
      await strictEvents.close();
      await inbox.close();
      await strict.close();
    }
  });
});
