import type { ConversationView } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { WebhookReceiver } from './receiver.ts';

let receiver: WebhookReceiver;
let second: Harness | undefined;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await second?.close();
  await receiver.close();
});

it('completes deliveries left pending when the server stopped, once it is back', async () => {
  const env = { DELIVERY_BACKOFF_MS: '300', LOG_LEVEL: 'fatal' };
  const first = await startCascade(env);
  await first.configureSite({ sinks: { webhookUrl: receiver.url, supportEmail: null, emailVisitors: false } });
  receiver.answer = () => 503;

  const visitor = await first.visitor();
  await visitor.ok('conversation:escalate', {});
  const t = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', {
    email: 'later@example.com',
  });
  const ticket = await first.cascade.tickets.ofConversation(first.demo.siteId, t.conversation.id);
  const id = `wh.ticket.created.${ticket?.id}`;
  await receiver.next((x) => x.payload.id === id);
  await first.close({ keepKeys: true });

  receiver.answer = () => 200;
  const triesBefore = receiver.of(id).length;
  second = await startCascade(env, { prefix: first.prefix });
  const delivered = await receiver.next((x) => x.payload.id === id && x.status === 200);
  expect(delivered.payload.type === 'ticket.created' && delivered.payload.data.ticket.id).toBe(ticket?.id);
  expect(receiver.of(id).length).toBe(triesBefore + 1);
  const { cookie } = await second.login('lina@cedar.example');
  const res = await fetch(`${second.url}/api/deliveries?status=delivered`, { headers: { cookie } });
  const { deliveries } = (await res.json()) as { deliveries: { id: string; tries: number }[] };
  expect(deliveries.find((d) => d.id === id)?.tries).toBe(triesBefore + 1);
});
