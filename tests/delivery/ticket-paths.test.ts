import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message, Ticket } from '@cascade/shared';
import type { QueueEvents } from 'bullmq';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leave } from '../support/clients.ts';
import { startCascade, type Harness } from '../support/harness.ts';
import { deliveryEvents, finished } from './jobs.ts';
import { WebhookReceiver } from './receiver.ts';

let h: Harness;
let events: QueueEvents;
let receiver: WebhookReceiver;

beforeAll(async () => {
  h = await startCascade({ VISITOR_GRACE_SECONDS: '1', DELIVERY_BACKOFF_MS: '20', DELIVERY_ATTEMPTS: '6' });
  events = await deliveryEvents(h);
  receiver = await WebhookReceiver.start();
  await h.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
});
afterAll(async () => {
  await events.close();
  await receiver.close();
  await h.close();
});

const general = [{ skill: 'general', level: 1 }];
const everySkill = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 }));
const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const isState = (state: ConversationView['state']) => (c: ConversationView) => c.state === state;

/**
 * The conversation's one ticket, once its ticket.created webhook was delivered: exactly one
 * ticket in the store, exactly one delivery that reached the receiver, carrying the same ticket.
 */
async function theTicket(conversationId: string): Promise<Ticket> {
  const hit = await receiver.next(
    (x) => x.payload.type === 'ticket.created' && x.payload.data.ticket.conversationId === conversationId,
  );
  await finished(h, events, hit.payload.id);
  const core = h.cascade;
  const all = (await core.tickets.list([h.demo.siteId], { limit: 100, offset: 0 })).tickets.filter(
    (t) => t.conversationId === conversationId,
  );
  expect(all).toHaveLength(1);
  const created = receiver.hits.filter(
    (x) => x.payload.type === 'ticket.created' && x.payload.data.ticket.conversationId === conversationId,
  );
  expect(created.map((x) => x.status)).toEqual([200]);
  const ticket = await core.tickets.ofConversation(h.demo.siteId, conversationId);
  if (!ticket) throw new Error('no ticket');
  expect(hit.payload.type === 'ticket.created' && hit.payload.data.ticket).toEqual(ticket);
  return ticket;
}

const texts = (t: Ticket) => t.transcript.map((m) => m.text);

describe('each way to a ticket makes exactly one, with the whole story', () => {
  it('an agent marks the chat for follow-up', async () => {
    const agent = await h.newAgent({ skills: everySkill, name: 'Lina' });
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('hello'));
    await visitor.ok('message:send', send('My invoice shows the wrong address'));
    const bot = await visitor.next<Message>('message:new', (m) => m.author === 'bot');
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const id = chat.conversation.id;
    await agent.ok('chat:send', {
      conversationId: id,
      clientMsgId: randomUUID(),
      text: 'I will ask accounting to fix it.',
    });
    await agent.ok('chat:send', {
      conversationId: id,
      clientMsgId: randomUUID(),
      text: 'Accounting is closed today',
      internal: true,
    });
    await agent.ok('chat:followup', { conversationId: id, note: 'Reissue the invoice' });

    const ticket = await theTicket(id);
    expect(ticket.reason).toBe('followup');
    expect(ticket.note).toBe('Reissue the invoice');
    expect(texts(ticket)).toEqual(
      expect.arrayContaining([
        'hello',
        'My invoice shows the wrong address',
        bot.text,
        'I will ask accounting to fix it.',
        'Accounting is closed today',
      ]),
    );
    expect(ticket.transcript.find((m) => m.text === 'Accounting is closed today')?.internal).toBe(true);
    expect(ticket.pages.map((p) => p.url)).toContain('https://shop.example/');
    await leave(agent);
    visitor.close();
  });

  it('the visitor leaves an email while nobody is online', async () => {
    const visitor = await h.visitor();
    await visitor.ok('message:send', send('Can someone call me back about my order?'));
    const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(offered.conversation.state).toBe('offered_ticket');
    await visitor.ok('conversation:leave-email', { email: 'callback@example.com', name: 'Sami' });
    const ticket = await theTicket(offered.conversation.id);
    expect(ticket.reason).toBe('no_agent');
    expect(ticket.visitor).toMatchObject({ email: 'callback@example.com', name: 'Sami' });
    expect(texts(ticket)).toContain('Can someone call me back about my order?');
    visitor.close();
  });

  it('the wait passes the site’s maximum and the visitor leaves an email', async () => {
    await h.configureSite({ maxWaitSeconds: 1 });
    const busy = await h.newAgent({ skills: general, maxChats: 1 });
    const first = await h.visitor();
    await first.ok('conversation:escalate', {});
    const chat = await busy.next<ChatSummary>('chat:assigned');

    const waiting = await h.visitor();
    const queued = await waiting.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    expect(queued.conversation.state).toBe('queued');
    await waiting.ok('message:send', send('Is anyone there? I have been waiting'));
    await waiting.next<ConversationView>('conversation:update', isState('offered_ticket'));
    await waiting.ok('conversation:leave-email', { email: 'patient@example.com' });
    const ticket = await theTicket(queued.conversation.id);
    expect(ticket.reason).toBe('max_wait');
    expect(texts(ticket)).toContain('Is anyone there? I have been waiting');

    await h.configureSite({ maxWaitSeconds: 180 });
    await busy.ok('chat:resolve', { conversationId: chat.conversation.id });
    await leave(busy);
    first.close();
    waiting.close();
  });

  it('a visitor whose email is known leaves the line', async () => {
    const secrets = await h.cascade.sites.secrets(h.demo.siteId);
    const identity = await new SignJWT({ name: 'Maya', email: 'maya@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('customer-7')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secrets?.identitySecret ?? ''));
    const visitor = await h.visitor({ identity });
    await visitor.ok('message:send', send('My parcel arrived broken'));
    const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    visitor.close();
    const ticket = await theTicket(offered.conversation.id);
    expect(ticket.reason).toBe('abandoned');
    expect(ticket.visitor.email).toBe('maya@example.com');
    expect(texts(ticket)).toContain('My parcel arrived broken');
  });
});

describe('racing creations', () => {
  it('gives one ticket and one webhook however many ask at once, and never sends one event twice', async () => {
    const core = h.cascade;
    const visitor = await h.visitor();
    const hello = await visitor.ok<{ visitorId: string }>('hello', { after: null, page: null });
    await visitor.ok('message:send', send('I need a refund'));
    const offered = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
    await core.visitors.update(h.demo.siteId, hello.visitorId, { email: 'racer@example.com' });
    const c = await core.conversations.get(offered.conversation.id);
    if (!c) throw new Error('no conversation');

    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => core.waterfall.apply(c, { type: 'leave_email' }, 'visitor')),
      ...Array.from({ length: 5 }, () => visitor.request('conversation:leave-email', { email: 'racer@example.com' })),
    ]);
    const applied = outcomes.slice(0, 10).filter((o) => o.status === 'fulfilled').length;
    const acked = outcomes.slice(10).filter((o) => o.status === 'fulfilled' && (o.value as { ok: boolean }).ok).length;
    expect(applied + acked).toBe(1);

    const ticket = await theTicket(c.id);
    const deliveryId = `wh.ticket.created.${ticket.id}`;
    const fresh = await core.conversations.get(c.id);
    if (!fresh) throw new Error('no conversation');
    await core.events.emit({ type: 'ticket.created', ticket, conversation: fresh });
    await core.events.emit({ type: 'ticket.created', ticket, conversation: fresh });
    const job = await core.queues.deliveries.getJob(deliveryId);
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(1);
    expect(receiver.of(deliveryId)).toHaveLength(1);
    visitor.close();
  });

  it('keeps one ticket per conversation when the store is asked many times at once', async () => {
    const core = h.cascade;
    const visitor = await h.visitor();
    const hello = await visitor.ok<{ visitorId: string }>('hello', { after: null, page: null });
    const sent = await visitor.ok<{ conversation: ConversationView }>('message:send', send('hello there'));
    const conversationId = sent.conversation.id;
    const transcript = await core.messages.after(conversationId, null);
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        core.tickets.createOnce({
          id: randomUUID().replace(/-/g, ''),
          siteId: h.demo.siteId,
          conversationId,
          status: 'open',
          reason: 'followup',
          skill: 'general',
          level: 1,
          assigneeId: null,
          note: null,
          visitor: { id: hello.visitorId, name: null, email: null, locale: 'en' },
          transcript,
          pages: [],
          history: [],
          createdAt: now,
          updatedAt: now,
        }),
      ),
    );
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(new Set(results.map((r) => `${r.ticket.id}#${r.ticket.number}`)).size).toBe(1);
    expect(results[0]?.ticket.transcript.map((m) => m.text)).toContain('hello there');
    visitor.close();
  });
});
