import type { ConversationView } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

it('keeps the promised reply time in the place-in-line push that follows the email form', async () => {
  await h.configureSite({ businessHours: null, replyPromise: { businessHours: 4 } });
  const visitor = await h.visitor();
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:escalate', {});
  expect(conversation.state).toBe('offered_ticket');
  expect(conversation.replyBy).toBeGreaterThan(Date.now());
  // The line's announcer tells the visitor where they stand; the widget keeps that newer push.
  const placed = await visitor.next<ConversationView>(
    'conversation:update',
    (v) => v.id === conversation.id && v.queue !== null,
  );
  expect(placed.queue?.available).toBe(false);
  expect(placed.replyBy).toBe(conversation.replyBy);
  visitor.close();
});
