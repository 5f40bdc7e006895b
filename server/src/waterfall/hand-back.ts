import { CascadeError } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { Routing } from '../routing/routing.ts';
import type { Waterfall } from './service.ts';

/**
 * Puts the agent's chats on one site back in line (at the front), as when they leave for good:
 * after the grace period, or when they are removed from the site. A chat that moved on
 * meanwhile is left alone.
 */
export async function handBack(
  d: { routing: Routing; conversations: ConversationStore },
  w: Waterfall,
  siteId: string,
  agentId: string,
): Promise<void> {
  for (const id of await d.routing.chatsOf(siteId, agentId)) {
    const c = await d.conversations.get(id);
    if (c?.state !== 'assigned' || c.agentId !== agentId) continue;
    try {
      await w.apply(c, { type: 'agent_gone' });
    } catch (e) {
      if (!(e instanceof CascadeError && (e.code === 'invalid_state' || e.code === 'conflict'))) throw e;
    }
  }
}
