import type { Conversation } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { Notifier } from './notifier.ts';
import { visitorView, type ViewDeps } from './views.ts';

export type SeenDeps = ViewDeps & { conversations: ConversationStore; notify: Notifier };

/**
 * Seen receipts both ways. Each side's receipt is stored on the conversation (so a reload still
 * shows it) and passed to the other side only when it moved forward.
 */
export function seenReceipts(d: SeenDeps) {
  return {
    /** The visitor has seen their conversation `c` up to `upTo`; the agent holding it is told. */
    async byVisitor(c: Conversation, upTo: string) {
      const stored = await d.conversations.markSeen(c.id, 'seenByVisitor', upTo);
      if (stored && c.agentId) d.notify.toAgent(c.agentId, 'chat:seen', { conversationId: c.id, upTo: stored });
    },

    /** The agent has read the chat up to `upTo`; only the agent holding it counts as seen to the visitor. */
    async byAgent(agentId: string, conversationId: string, upTo: string) {
      const c = await d.conversations.get(conversationId);
      if (!c || c.agentId !== agentId) return;
      if (!(await d.conversations.markSeen(c.id, 'seenByAgent', upTo))) return;
      // The widget takes the receipt with the rest of the conversation's view.
      const fresh = await d.conversations.get(c.id);
      if (fresh) d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', await visitorView(d, fresh));
    },
  };
}
export type SeenReceipts = ReturnType<typeof seenReceipts>;
