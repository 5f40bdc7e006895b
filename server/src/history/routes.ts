import { z } from 'zod';
import {
  AddTag,
  CascadeError,
  ConversationId,
  ConversationSearchQuery,
  ConversationSearchResult,
  ConversationTranscript,
  Tag,
  TagList,
  type Agent,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { MessageStore } from '../store/messages.ts';
import type { HistoryReader } from './reader.ts';
import type { ConversationTags } from './tags.ts';
import type { AnswerTags } from './answer-tags.ts';

export type HistoryRouteDeps = {
  history: HistoryReader;
  conversations: ConversationStore;
  messages: MessageStore;
  tags: ConversationTags;
  answerTags: AnswerTags;
};

const ConversationParams = z.object({ conversationId: ConversationId });
const TagParams = ConversationParams.extend({ tag: Tag });

/** Past conversations: search, and any transcript, from PostgreSQL once Redis has let it go. */
export function historyRoutes(app: FastifyInstance, deps: HistoryRouteDeps, done: (err?: Error) => void): void {
  /** Searches the site asked for (the guard checked the agent belongs to it), or all of theirs. */
  const search = {
    config: {
      role: 'agent',
      site: 'query',
      siteOptional: true,
      openapi: {
        summary: 'Searches ended conversations, newest first',
        query: ConversationSearchQuery,
        response: { 200: ConversationSearchResult },
      },
    },
  } as const;
  app.get('/api/conversations', search, async (req) => {
    const q = parse(ConversationSearchQuery, req.query);
    const sites = req.member ? [req.member.siteId] : req.agent.memberships.map((m) => m.siteId);
    return deps.history.search(sites, q);
  });

  const one = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'A conversation, live or archived, with its messages',
        params: ConversationParams,
        response: { 200: ConversationTranscript },
      },
    },
  } as const;
  app.get('/api/conversations/:conversationId', one, async (req) => {
    const { agent } = req;
    const { conversationId } = parse(ConversationParams, req.params);
    const live = await deps.conversations.get(conversationId);
    const c = live ?? (await deps.history.conversation(conversationId));
    // Another site's conversation is "not found", like one that does not exist.
    if (!c || !agent.memberships.some((m) => m.siteId === c.siteId))
      throw new CascadeError('not_found', 'no such conversation');
    const [messages, tags, fromAnswers] = await Promise.all([
      live ? deps.messages.after(conversationId, null, 10_000) : deps.history.messages(conversationId),
      deps.history.tags(conversationId),
      live ? deps.answerTags.of(conversationId) : Promise.resolve([]),
    ]);
    // Agents tag archived conversations only; `archived` tells the console whether it may offer
    // that. Until then it shows the tags the bot's answers gave.
    return { conversation: c, messages, tags: tags ?? fromAnswers, archived: tags !== null };
  });

  /** An archived conversation of one of the agent's sites; a live one cannot be tagged yet. */
  async function taggable(agent: Agent, conversationId: string): Promise<void> {
    const c = await deps.history.conversation(conversationId);
    const live = c ? null : await deps.conversations.get(conversationId);
    const siteId = c?.siteId ?? live?.siteId;
    if (!siteId || !agent.memberships.some((m) => m.siteId === siteId))
      throw new CascadeError('not_found', 'no such conversation');
    if (!c) throw new CascadeError('invalid_state', 'a conversation is tagged once it has ended and been archived');
  }

  const tag = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Tags an archived conversation',
        params: ConversationParams,
        body: AddTag,
        response: { 200: TagList },
      },
    },
  } as const;
  app.post('/api/conversations/:conversationId/tags', tag, async (req) => {
    const { agent } = req;
    const { conversationId } = parse(ConversationParams, req.params);
    const { tag } = parse(AddTag, req.body);
    await taggable(agent, conversationId);
    return { tags: await deps.tags.add(conversationId, tag) };
  });

  const untag = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'Removes a tag from an archived conversation',
        params: TagParams,
        response: { 200: TagList },
      },
    },
  } as const;
  app.delete('/api/conversations/:conversationId/tags/:tag', untag, async (req) => {
    const { agent } = req;
    const { conversationId, tag } = parse(TagParams, req.params);
    await taggable(agent, conversationId);
    return { tags: await deps.tags.remove(conversationId, tag) };
  });
  done();
}
