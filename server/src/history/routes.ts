import { z } from 'zod';
import { CascadeError, ConversationId, ConversationSearchQuery, type Agent } from '@cascade/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authed } from '../http/auth.ts';
import { parse } from '../http/parse.ts';
import { requireRole } from '../http/access.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { MessageStore } from '../store/messages.ts';
import type { HistoryReader } from './reader.ts';

export type HistoryRouteDeps = {
  history: HistoryReader;
  conversations: ConversationStore;
  messages: MessageStore;
  authed: (req: FastifyRequest) => Promise<Authed>;
};

const ConversationParams = z.object({ conversationId: ConversationId });

/** The sites a query may read: the one asked for (if the agent belongs to it) or all of theirs. */
function sitesOf(agent: Agent, siteId: string | undefined): string[] {
  if (siteId) return [requireRole(agent, siteId, 'agent').siteId];
  return agent.memberships.map((m) => m.siteId);
}

/** Past conversations: search, and any transcript, from PostgreSQL once Redis has let it go. */
export function historyRoutes(app: FastifyInstance, deps: HistoryRouteDeps): void {
  app.get('/api/conversations', async (req) => {
    const { agent } = await deps.authed(req);
    const q = parse(ConversationSearchQuery, req.query);
    return deps.history.search(sitesOf(agent, q.siteId), q);
  });

  app.get('/api/conversations/:conversationId', async (req) => {
    const { agent } = await deps.authed(req);
    const { conversationId } = parse(ConversationParams, req.params);
    const live = await deps.conversations.get(conversationId);
    const c = live ?? (await deps.history.conversation(conversationId));
    // Another site's conversation is "not found", like one that does not exist.
    if (!c || !agent.memberships.some((m) => m.siteId === c.siteId))
      throw new CascadeError('not_found', 'no such conversation');
    const messages = live
      ? await deps.messages.after(conversationId, null, 10_000)
      : await deps.history.messages(conversationId);
    return { conversation: c, messages };
  });
}
