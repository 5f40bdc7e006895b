import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView, Message } from '@cascade/shared';
import { expect } from 'vitest';
import type { TestClient } from './clients.ts';

/**
 * The heart of the waterfall across processes: the visitor asks for a person, `agentName` gets
 * the chat, and the two exchange a message and typing each way. The conversation's id.
 */
export async function handOverAndTalk(visitor: TestClient, agent: TestClient, agentName: string): Promise<string> {
  await visitor.ok('conversation:escalate', {});
  const assigned = await agent.next<ChatSummary>('chat:assigned');
  const joined = await visitor.next<ConversationView>('conversation:update', (c) => c.state === 'assigned');
  expect(joined.agent?.name).toBe(agentName);
  const conversationId = assigned.conversation.id;

  await agent.ok('chat:send', { conversationId, clientMsgId: randomUUID(), text: 'Hello from the agent' });
  expect((await visitor.next<Message>('message:new', (m) => m.author === 'agent')).text).toBe('Hello from the agent');
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'Hello from the visitor' });
  expect((await agent.next<Message>('message:new', (m) => m.text === 'Hello from the visitor')).conversationId).toBe(
    conversationId,
  );

  visitor.socket.emit('typing', { typing: true });
  expect(await agent.next<{ conversationId: string; typing: boolean }>('typing')).toEqual({
    conversationId,
    typing: true,
  });
  await agent.ok('chat:typing', { conversationId, typing: true });
  expect(await visitor.next<{ from: string; typing: boolean }>('typing')).toEqual({ from: 'agent', typing: true });
  return conversationId;
}
