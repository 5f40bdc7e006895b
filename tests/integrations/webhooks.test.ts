import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatSummary, WebhookPayload, WebhookTestResult } from '@cascade/shared';
import type { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { restClient } from '../support/rest.ts';
import { deliveryEvents, finished, listDeliveries } from '../delivery/jobs.ts';
import { WebhookReceiver } from '../delivery/receiver.ts';
import { verifyCascade } from '../delivery/signature.ts';

let h: Harness;
let events: QueueEvents;
let receiver: WebhookReceiver;
let admin: ReturnType<typeof restClient>;
let adminCookie: string;

beforeAll(async () => {
  h = await startCascade({ DELIVERY_BACKOFF_MS: '20', DELIVERY_ATTEMPTS: '2' });
  events = await deliveryEvents(h);
  receiver = await WebhookReceiver.start();
  await h.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
  const auth = await h.login('admin@cedar.example');
  admin = restClient(h.url, auth);
  adminCookie = auth.cookie;
});
afterAll(async () => {
  await events.close();
  await receiver.close();
  await h.close();
});

const everySkill = (level: number) =>
  ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level }));

const ofChat = (id: string) => (p: WebhookPayload) =>
  (p.type === 'message.created' || p.type === 'conversation.assigned' || p.type === 'conversation.transferred') &&
  p.data.conversation.id === id;

describe('webhooks for messages, assignments and transfers', () => {
  it('tells the receiver of each message, who got the chat, and who passed it on with which note', async () => {
    const secret = (await h.cascade.sites.secrets(h.demo.siteId))?.webhookSecret ?? '';
    const first = await h.newAgent({ skills: everySkill(1), name: 'Lina First' });
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'hello, anyone?' });
    await visitor.ok('conversation:escalate', {});
    const chat = await first.next<ChatSummary>('chat:assigned');
    const id = chat.conversation.id;
    const mine = ofChat(id);

    const fromVisitor = await receiver.next(
      (x) => mine(x.payload) && x.payload.type === 'message.created' && x.payload.data.message.author === 'visitor',
    );
    expect(fromVisitor.payload.type === 'message.created' && fromVisitor.payload.data.message.text).toBe(
      'hello, anyone?',
    );
    expect(verifyCascade(fromVisitor.headers, fromVisitor.raw, secret)).toBe(true);
    await receiver.next(
      (x) => mine(x.payload) && x.payload.type === 'message.created' && x.payload.data.message.author === 'bot',
    );
    const assigned = await receiver.next((x) => mine(x.payload) && x.payload.type === 'conversation.assigned');
    expect(assigned.headers['x-cascade-event']).toBe('conversation.assigned');
    expect(assigned.payload.type === 'conversation.assigned' && assigned.payload.data.agent).toEqual({
      id: first.agentId,
      name: 'Lina First',
    });

    await first.ok('chat:send', { conversationId: id, clientMsgId: randomUUID(), text: 'Passing you on.' });
    const fromAgent = await receiver.next(
      (x) => mine(x.payload) && x.payload.type === 'message.created' && x.payload.data.message.author === 'agent',
    );
    expect(fromAgent.payload.type === 'message.created' && fromAgent.payload.data.message.agentId).toBe(first.agentId);

    const second = await h.newAgent({ skills: everySkill(2), name: 'Omid Second' });
    await first.ok('chat:transfer', { conversationId: id, level: 2, note: 'lost parcel, needs a refund' });
    const moved = await receiver.next((x) => mine(x.payload) && x.payload.type === 'conversation.transferred');
    expect(moved.payload.type === 'conversation.transferred' && moved.payload.data).toMatchObject({
      from: { id: first.agentId, name: 'Lina First' },
      note: 'lost parcel, needs a refund',
      conversation: { id, level: 2 },
    });
    await second.next<ChatSummary>('chat:assigned');
    const again = await receiver.next(
      (x) =>
        mine(x.payload) && x.payload.type === 'conversation.assigned' && x.payload.data.agent?.id === second.agentId,
    );
    expect(again.payload.id).not.toBe(assigned.payload.id);
    // System lines ("passed to a colleague") are not sent as messages: the events above say it.
    expect(
      receiver.hits.some(
        (x) => mine(x.payload) && x.payload.type === 'message.created' && x.payload.data.message.author === 'system',
      ),
    ).toBe(false);
    for (const hit of [fromVisitor, assigned, moved, again]) expect(receiver.of(hit.payload.id)).toHaveLength(1);
    visitor.close();
  });

  it('sends a signed test event at once and shows what the receiver answered', async () => {
    const secret = (await h.cascade.sites.secrets(h.demo.siteId))?.webhookSecret ?? '';
    const seen: { headers: IncomingHttpHeaders; raw: string }[] = [];
    let answer = { status: 202, body: 'accepted by the helpdesk' };
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    try {
      await h.configureSite({ sinks: { webhookUrl: url, supportEmail: null, emailVisitors: false } });
      const ok = await admin.post<WebhookTestResult>('/api/integrations/webhooks/test', { siteId: h.demo.siteId });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ url, status: 202, body: 'accepted by the helpdesk', ok: true });
      expect(seen).toHaveLength(1);
      const [hit] = seen;
      expect(verifyCascade(hit!.headers, hit!.raw, secret)).toBe(true);
      expect(hit!.headers['x-cascade-event']).toBe('webhook.test');
      expect(JSON.parse(hit!.raw)).toMatchObject({ type: 'webhook.test', siteId: h.demo.siteId });

      answer = { status: 503, body: 'maintenance until 02:00' };
      const refused = await admin.post<WebhookTestResult>('/api/integrations/webhooks/test', {
        siteId: h.demo.siteId,
      });
      expect(refused.body).toEqual({ url, status: 503, body: 'maintenance until 02:00', ok: false });

      const agent = restClient(h.url, await h.login('lina@cedar.example'));
      expect((await agent.post('/api/integrations/webhooks/test', { siteId: h.demo.siteId })).status).toBe(403);
    } finally {
      await h.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('says when the receiver cannot be reached, and when no URL is saved', async () => {
    const gone = await WebhookReceiver.start();
    const url = gone.url;
    await gone.close();
    await h.configureSite({ sinks: { webhookUrl: url, supportEmail: null, emailVisitors: false } });
    const r = await admin.post<WebhookTestResult>('/api/integrations/webhooks/test', { siteId: h.demo.siteId });
    expect(r.body).toMatchObject({ url, status: null, ok: false });
    expect(r.body.body).toContain('ECONNREFUSED');

    await h.configureSite({ sinks: { webhookUrl: null, supportEmail: null, emailVisitors: false } });
    const none = await admin.post<{ error: { code: string } }>('/api/integrations/webhooks/test', {
      siteId: h.demo.siteId,
    });
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('invalid_state');
    await h.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
  });

  it('lists a message that failed to arrive and sends it again on retry', async () => {
    receiver.answer = (p) => (p.type === 'message.created' ? 500 : 200);
    const visitor = await h.visitor();
    await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'is anyone there?' });
    const failing = await receiver.next(
      (x) => x.payload.type === 'message.created' && x.payload.data.message.text === 'is anyone there?',
    );
    const deliveryId = failing.payload.id;
    await expect(finished(h, events, deliveryId)).rejects.toThrow('HTTP 500');
    const listed = (await listDeliveries(h, adminCookie, `?siteId=${h.demo.siteId}`)).find((d) => d.id === deliveryId);
    expect(listed).toMatchObject({ status: 'failed', tries: 2, subject: 'message.created', kind: 'webhook' });

    receiver.answer = () => 200;
    const retried = await admin.post(`/api/deliveries/${deliveryId}/retry`, {});
    expect(retried.status).toBe(200);
    await finished(h, events, deliveryId);
    expect(receiver.of(deliveryId).map((x) => x.status)).toEqual([500, 500, 200]);
    const after = (await listDeliveries(h, adminCookie, `?siteId=${h.demo.siteId}`)).find((d) => d.id === deliveryId);
    expect(after?.status).toBe('delivered');
    visitor.close();
  });
});
