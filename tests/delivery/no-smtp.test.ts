import type { ConversationView } from '@cascade/shared';
import type { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { deliveryEvents, finished, listDeliveries } from './jobs.ts';

let h: Harness;
let events: QueueEvents;

beforeAll(async () => {
  h = await startCascade({ LOG_LEVEL: 'fatal' });
  events = await deliveryEvents(h);
});
afterAll(async () => {
  await events.close();
  await h.close();
});

async function ticketFor(email: string) {
  const visitor = await h.visitor();
  await visitor.ok('conversation:escalate', {});
  const t = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', { email });
  visitor.close();
  const ticket = await h.cascade.tickets.ofConversation(h.demo.siteId, t.conversation.id);
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

it('marks ticket emails failed, with the reason, on a server without SMTP', async () => {
  await h.configureSite({ sinks: { webhookUrl: null, supportEmail: 'team@cedar.example', emailVisitors: true } });
  const ticket = await ticketFor('nosmtp@example.com');
  const ids = [`mail.ticket.${ticket.id}`, `mail.ticket-visitor.${ticket.id}`];
  for (const id of ids) await expect(finished(h, events, id)).rejects.toThrow('SMTP_URL is not set');
  const { cookie } = await h.login('lina@cedar.example');
  const failed = await listDeliveries(h, cookie, '?status=failed');
  for (const id of ids) {
    expect(failed.find((d) => d.id === id)).toMatchObject({
      kind: 'email',
      status: 'failed',
      tries: 1,
      lastError: 'SMTP_URL is not set, so this server cannot send email; set it, restart and retry',
    });
  }
});

it('sends no email at all when the site has no email sink', async () => {
  await h.configureSite({ sinks: { webhookUrl: null, supportEmail: null, emailVisitors: false } });
  const ticket = await ticketFor('quiet@example.com');
  const { cookie } = await h.login('lina@cedar.example');
  expect((await listDeliveries(h, cookie)).filter((d) => d.id.endsWith(ticket.id))).toEqual([]);
});

it('tells the visitor at once that transcripts cannot be emailed', async () => {
  const visitor = await h.visitor();
  await visitor.ok('conversation:escalate', {});
  expect(await visitor.request('transcript:request', { email: 'me@example.com' })).toMatchObject({
    ok: false,
    error: { code: 'unavailable' },
  });
  visitor.close();
});
