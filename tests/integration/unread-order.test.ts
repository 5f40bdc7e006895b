import { randomUUID } from 'node:crypto';
import type { ChatSummary, Message } from '@cascade/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/waits.ts';

let h: Harness;
beforeAll(async () => {
  h = await startCascade();
});
afterAll(async () => {
  await h.close();
});

it('clears the unread count of an agent who reads each message the moment it arrives', async () => {
  const agent = await h.agent('lina@cedar.example');
  const visitor = await h.visitor();
  await visitor.ok('conversation:escalate', {});
  const { conversation } = await agent.next<ChatSummary>('chat:assigned');
  const reads: Promise<unknown>[] = [];
  const read = (m: Message) => {
    if (m.conversationId !== conversation.id) return;
    reads.push(agent.socket.timeout(20_000).emitWithAck('chat:read', { conversationId: conversation.id, upTo: m.id }));
  };
  // The count is opened with the chat itself: read it first, then answer every message at once.
  await agent.ok('chat:read', { conversationId: conversation.id });
  agent.socket.on('message:new', read);

  const texts = Array.from({ length: 30 }, (_, i) => `question ${i}`);
  for (const text of texts) await visitor.ok('message:send', { clientMsgId: randomUUID(), text });
  await waitUntil(
    'the agent to read every message',
    () => reads.length,
    (n) => n >= texts.length,
  );
  await Promise.all(reads);

  const inbox = await agent.ok<{ unread: Record<string, number> }>('inbox:get', {});
  expect(inbox.unread[conversation.id] ?? 0).toBe(0);
  agent.socket.off('message:new', read);
  agent.close();
  visitor.close();
});
