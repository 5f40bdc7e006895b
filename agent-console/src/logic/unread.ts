import type { Message } from '@cascade/shared';

/** Messages that deserve the agent's attention: the visitor's, and other agents' notes. */
export function needsAttention(message: Message, myAgentId: string): boolean {
  if (message.author === 'visitor') return true;
  return message.author === 'agent' && message.agentId !== myAgentId;
}

/** The unread count after a message arrives; a chat the agent is looking at stays at 0. */
export function nextUnread(current: number, message: Message, myAgentId: string, beingRead: boolean): number {
  if (beingRead) return 0;
  return needsAttention(message, myAgentId) ? current + 1 : current;
}
