import { needsAttention, type Message } from '@cascade/shared';

export { needsAttention };

/** The unread count after a message arrives; a chat the agent is looking at stays at 0. */
export function nextUnread(current: number, message: Message, myAgentId: string, beingRead: boolean): number {
  if (beingRead) return 0;
  return needsAttention(message, myAgentId) ? current + 1 : current;
}
