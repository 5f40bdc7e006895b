import type { Message } from './message.ts';

/**
 * Messages that deserve the assigned agent's attention: the visitor's, and other agents' notes.
 * The server counts them per agent and chat; the console shows the same count live.
 */
export function needsAttention(message: Pick<Message, 'author' | 'agentId'>, agentId: string): boolean {
  if (message.author === 'visitor') return true;
  return message.author === 'agent' && message.agentId !== agentId;
}
