import { randomUUID } from 'node:crypto';
import type { ConversationView, Delivery, Ticket, TicketSummary } from '@cascade/shared';
import type { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { deliveryEvents, finished, listDeliveries } from './jobs.ts';
import { Mailbox, recipient } from './smtp.ts';

let h: Harness;
let mailbox: Mailbox;
let events: QueueEvents;
let lina: { cookie: string; csrf: string; id: string };
let ticket: Ticket;

beforeAll(async () => {
  mailbox = await Mailbox.start();
  h = await startCascade({ SMTP_URL: mailbox.url, DELIVERY_BACKOFF_MS: '20', DELIVERY_ATTEMPTS: '6' });
  events = await deliveryEvents(h);
  const session = await h.login('lina@cedar.example');
  const me = (await (await fetch(`${h.url}/api/auth/me`, { headers: { cookie: session.cookie } })).json()) as {
    agent: { id: string };
  };
  lina = { ...session, id: me.agent.id };

  const visitor = await h.visitor({ locale: 'ar' });
  await visitor.ok('conversation:escalate', {});
  const t = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', {
    email: 'huda@example.com',
  });
  visitor.close();
  const stored = await h.cascade.tickets.ofConversation(h.demo.siteId, t.conversation.id);
  if (!stored) throw new Error('no ticket');
  ticket = stored;
});
afterAll(async () => {
  await events.close();
  await h.close();
  await mailbox.close();
});

function call(method: string, path: string, body?: unknown, csrf: string | null = lina.csrf): Promise<Response> {
  return fetch(`${h.url}${path}`, {
    method,
    headers: {
      cookie: lina.cookie,
      ...(csrf ? { 'x-cascade-csrf': csrf } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A ticket written straight to the store, for a site or a visitor the waterfall would not give. */
async function storedTicket(siteId: string, email: string | null): Promise<Ticket> {
  const now = Date.now();
  const { ticket: t } = await h.cascade.tickets.createOnce({
    id: randomUUID().replace(/-/g, ''),
    siteId,
    conversationId: randomUUID().replace(/-/g, ''),
    status: 'open',
    reason: 'followup',
    skill: 'general',
    level: 1,
    assigneeId: null,
    note: null,
    visitor: { id: 'v1', name: null, email, locale: 'en' },
    transcript: [],
    pages: [],
    history: [],
    createdAt: now,
    updatedAt: now,
  });
  return t;
}

describe('tickets over REST', () => {
  it('changes status and assignee, writing each change to the history', async () => {
    expect((await call('PATCH', `/api/tickets/${ticket.id}`, { status: 'pending' }, null)).status).toBe(403);
    expect((await call('PATCH', `/api/tickets/${ticket.id}`, {})).status).toBe(400);
    expect((await call('PATCH', `/api/tickets/${ticket.id}`, { assigneeId: 'nobody-here' })).status).toBe(400);

    const res = await call('PATCH', `/api/tickets/${ticket.id}`, { status: 'pending', assigneeId: lina.id });
    expect(res.status).toBe(200);
    const { ticket: updated } = (await res.json()) as { ticket: Ticket };
    expect(updated).toMatchObject({ status: 'pending', assigneeId: lina.id });
    expect(updated.history.slice(1).map((x) => [x.action, x.by, x.detail])).toEqual([
      ['assignee', 'Lina Haddad', 'Lina Haddad'],
      ['status', 'Lina Haddad', 'open -> pending'],
    ]);

    const list = async (q: string) =>
      (await (await call('GET', `/api/tickets${q}`)).json()) as { tickets: TicketSummary[]; total: number };
    expect((await list('?status=pending')).tickets.map((t) => t.id)).toContain(ticket.id);
    expect((await list('?status=solved')).tickets.map((t) => t.id)).not.toContain(ticket.id);
    expect((await list(`?assigneeId=${lina.id}&limit=1`)).tickets).toHaveLength(1);
  });

  it('emails a reply to the visitor in their language and keeps it in the history', async () => {
    const res = await call('POST', `/api/tickets/${ticket.id}/replies`, { text: 'We found your parcel <today>.' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ticket: Ticket; delivery: Delivery };
    expect(body.ticket.history.at(-1)).toMatchObject({
      action: 'reply',
      by: 'Lina Haddad',
      detail: 'We found your parcel <today>.',
    });
    expect(body.delivery).toMatchObject({ kind: 'email', subject: 'ticket.reply', target: 'huda@example.com' });

    const mail = await mailbox.next(
      (m) => recipient(m) === 'huda@example.com' && m.subject?.startsWith('رد على طلبك') === true,
    );
    expect(mail.subject).toContain(`#${ticket.number}`);
    expect(mail.text).toContain('ردّ Lina Haddad على طلبك');
    expect(mail.text).toContain('We found your parcel <today>.');
    expect(mail.html).toContain('We found your parcel &lt;today&gt;.');
    await finished(h, events, body.delivery.id);
    expect((await listDeliveries(h, lina.cookie, '?status=delivered')).map((d) => d.id)).toContain(body.delivery.id);
  });

  it('keeps every history item when agents change the same ticket at the same moment', async () => {
    const t = await storedTicket(h.demo.siteId, 'sam@example.com');
    const statuses = ['pending', 'solved', 'open', 'pending', 'solved', 'open', 'pending', 'solved'] as const;
    const results = await Promise.all(
      statuses.map((status, i) =>
        h.cascade.tickets.update(
          t.siteId,
          t.id,
          { status },
          { ts: t.createdAt + i + 1, action: 'status', by: `Agent ${i}`, detail: status },
        ),
      ),
    );
    expect(results.every((r) => r !== null)).toBe(true);
    const stored = await h.cascade.tickets.get(t.siteId, t.id);
    expect(stored?.history.map((x) => x.by).sort()).toEqual(statuses.map((_, i) => `Agent ${i}`).sort());
    expect(
      await h.cascade.tickets.update(
        t.siteId,
        'no-such-ticket',
        { status: 'open' },
        { ts: 1, action: 'status', by: 'x', detail: 'x' },
      ),
    ).toBeNull();
  });

  it('cannot reply to a visitor who left no address', async () => {
    const anonymous = await storedTicket(h.demo.siteId, null);
    const res = await call('POST', `/api/tickets/${anonymous.id}/replies`, { text: 'Hello?' });
    expect(res.status).toBe(409);
  });

  it('treats a ticket of another site as not found', async () => {
    const foreign = await storedTicket('elsewhere', 'x@example.com');
    expect((await call('GET', `/api/tickets/${foreign.id}`)).status).toBe(404);
    expect((await call('PATCH', `/api/tickets/${foreign.id}`, { status: 'solved' })).status).toBe(404);
    expect((await call('POST', `/api/tickets/${foreign.id}/replies`, { text: 'hi' })).status).toBe(404);
    expect((await h.cascade.tickets.get('elsewhere', foreign.id))?.status).toBe('open');
  });
});
