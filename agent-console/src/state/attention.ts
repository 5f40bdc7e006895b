import type { Agent } from '@cascade/shared';
import { canPick } from '../logic/pickable.ts';
import type { ConsoleState } from './console-state.ts';

/** What the title badge counts: unread messages in the agent's chats and chats they could pick. */
export function attentionCount(state: ConsoleState, agent: Agent): number {
  const unread = Object.values(state.chats).reduce((sum, chat) => sum + chat.unread, 0);
  const pickable = state.waiting.filter((chat) => canPick(agent, chat.conversation)).length;
  return unread + pickable;
}
