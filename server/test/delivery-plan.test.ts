import { Conversation, Ticket, WebhookPayload, type Site } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { demoSite } from '../src/demo/seed.ts';
import type { DomainEvent } from '../src/events.ts';
import { planDeliveries } from '../src/delivery/plan.ts';
import { webhookDeliveryId, webhookPayload } from '../src/delivery/payloads.ts';

const conversation = Conversation.parse({
  id: 'c1',
  siteId: 'demo',
  visitorId: 'v1',
  state: 'resolved',
  locale: 'ar',
  skill: 'billing',
  level: 2,
  widened: false,
  priority: 0,
  agentId: 'a1',
  ticketId: null,
  ticketNumber: null,
  transfers: 1,
  transferNote: 'card declined',
  offerReason: null,
  resolvedBy: 'agent',
  csat: { score: 4, comment: 'شكرا', ts: 50 },
  createdAt: 1,
  updatedAt: 2,
  queuedAt: 3,
  waitingSince: null,
  assignedAt: 4,
  firstResponseAt: 5,
  closedAt: 6,
});
const ticket = Ticket.parse({
  id: 't1',
  siteId: 'demo',
  number: 7,
  conversationId: 'c1',
  status: 'open',
  reason: 'followup',
  skill: 'billing',
  level: 2,
  assigneeId: 'a1',
  note: null,
  visitor: { id: 'v1', name: 'Maya', email: 'maya@example.com', locale: 'ar' },
  transcript: [],
  pages: [],
  history: [],
  createdAt: 10,
  updatedAt: 10,
});
const site = (sinks: Partial<Site['sinks']>): Site => {
  const s = demoSite('demo', 'Cedar & Co.');
  return { ...s, sinks: { ...s.sinks, ...sinks } };
};
const created: DomainEvent = { type: 'ticket.created', ticket, conversation };
const facts = { now: 100, agent: { id: 'a1', name: 'Omid Rahimi' } };

describe('webhook payloads', () => {
  it('gives each event one id, so emitting it twice delivers it once', () => {
    expect(webhookDeliveryId(created)).toBe('wh.ticket.created.t1');
    expect(webhookDeliveryId({ type: 'conversation.resolved', conversation })).toBe('wh.conversation.resolved.c1');
    expect(webhookDeliveryId(created)).toBe(webhookDeliveryId({ ...created }));
  });

  it('carries the whole ticket for ticket.created, valid against the published schema', () => {
    const p = webhookPayload(created, 100, null);
    expect(WebhookPayload.parse(p)).toEqual(p);
    expect(p).toMatchObject({
      id: 'wh.ticket.created.t1',
      type: 'ticket.created',
      createdAt: 100,
      siteId: 'demo',
      data: { ticket },
    });
  });

  it('carries score, comment, agent, skill and level for csat.submitted', () => {
    const p = webhookPayload({ type: 'csat.submitted', conversation }, 100, facts.agent);
    expect(WebhookPayload.parse(p)).toEqual(p);
    expect(p?.data).toEqual({
      conversationId: 'c1',
      ticketId: null,
      score: 4,
      comment: 'شكرا',
      agent: { id: 'a1', name: 'Omid Rahimi' },
      skill: 'billing',
      level: 2,
      ratedAt: 50,
    });
    expect(
      webhookPayload({ type: 'csat.submitted', conversation: { ...conversation, csat: null } }, 100, null),
    ).toBeNull();
  });
});

describe('what an event sends where', () => {
  it('sends nothing when the site has no sinks', () => {
    expect(planDeliveries(created, site({}), facts)).toEqual([]);
  });

  it('sends a new ticket to the webhook, the support address and, when enabled, the visitor', () => {
    const all = planDeliveries(
      created,
      site({ webhookUrl: 'https://hooks.example/c', supportEmail: 'help@shop.example', emailVisitors: true }),
      facts,
    );
    expect(all.map((o) => o.job.deliveryId)).toEqual([
      'wh.ticket.created.t1',
      'mail.ticket.t1',
      'mail.ticket-visitor.t1',
    ]);
    expect(all.map((o) => (o.kind === 'email' ? o.job.to : o.target))).toEqual([
      'https://hooks.example/c',
      'help@shop.example',
      'maya@example.com',
    ]);
  });

  it('does not email a visitor whose address is unknown, or when the site does not want it', () => {
    const anonymous: DomainEvent = { ...created, ticket: { ...ticket, visitor: { ...ticket.visitor, email: null } } };
    const sinks = { supportEmail: 'help@shop.example', emailVisitors: true };
    expect(planDeliveries(anonymous, site(sinks), facts).map((o) => o.job.deliveryId)).toEqual(['mail.ticket.t1']);
    expect(
      planDeliveries(created, site({ ...sinks, emailVisitors: false }), facts).map((o) => o.job.deliveryId),
    ).toEqual(['mail.ticket.t1']);
  });

  it('sends the other events to the webhook only', () => {
    const s = site({ webhookUrl: 'https://hooks.example/c', supportEmail: 'help@shop.example', emailVisitors: true });
    for (const type of [
      'conversation.started',
      'conversation.escalated',
      'conversation.resolved',
      'csat.submitted',
    ] as const) {
      const planned = planDeliveries({ type, conversation }, s, facts);
      expect(planned.map((o) => o.kind)).toEqual(['webhook']);
    }
  });
});
