import type { ConversationView } from '@cascade/shared';
import { afterAll, beforeAll, it, expect } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

it('offers the email form at once when nobody is online, and the email makes a ticket', async () => {
  const visitor = await h.visitor();
  const r = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  expect(r.conversation.state).toBe('offered_ticket');
  const t = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', {
    email: 'maya@example.com',
  });
  expect(t.conversation.state).toBe('ticketed');
  expect(t.conversation.ticketNumber).toBeGreaterThan(0);
  visitor.close();
});
