import { z } from 'zod';
import { AgentId, SiteId } from './ids.ts';
import { Locale } from './locale.ts';
import { Level } from './site.ts';
import { Skill } from './skill.ts';
import { Conversation } from './conversation.ts';
import { Message } from './message.ts';
import { Tag } from './tag.ts';

/** How a conversation ended. */
export const Outcome = z.enum(['resolved', 'ticketed', 'abandoned']);
export type Outcome = z.infer<typeof Outcome>;

/**
 * `GET /api/conversations`: ended conversations of the agent's sites, newest first. `q` is
 * matched, word by word and by word beginnings, against messages and notes after the bot's
 * normaliser, so a search typed on an Arabic or Persian keyboard, with or without diacritics,
 * finds the same chats. `from` and `to` bound when the conversation started (ms since the epoch).
 */
/** Counting stops here: no page lies further (`offset` is at most this), and counting on costs time. */
export const SEARCH_COUNT_CAP = 10_000;

export const ConversationSearchQuery = z
  .object({
    siteId: SiteId.optional(),
    q: z.string().trim().max(200).optional(),
    from: z.coerce.number().int().nonnegative().optional(),
    to: z.coerce.number().int().nonnegative().optional(),
    outcome: Outcome.optional(),
    agentId: AgentId.optional(),
    skill: Skill.optional(),
    level: z.coerce.number().pipe(Level).optional(),
    /** The visitor's rating, 1 to 5. */
    rating: z.coerce.number().int().min(1).max(5).optional(),
    locale: Locale.optional(),
    tag: Tag.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(SEARCH_COUNT_CAP).default(0),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    error: 'from must not be after to',
    path: ['from'],
  });
export type ConversationSearchQuery = z.infer<typeof ConversationSearchQuery>;

export const ConversationHit = z.object({
  conversation: Conversation,
  tags: z.array(z.string()),
  /** Up to three of its messages that match `q` (none without `q`). */
  matches: z.array(Message),
});
export type ConversationHit = z.infer<typeof ConversationHit>;

export const ConversationSearchResult = z.object({
  conversations: z.array(ConversationHit),
  /** How many match, counted up to SEARCH_COUNT_CAP. */
  total: z.number().int().nonnegative(),
  /** More match than `total` says. */
  more: z.boolean(),
});
export type ConversationSearchResult = z.infer<typeof ConversationSearchResult>;

/**
 * `GET /api/conversations/:conversationId`: the whole transcript, from Redis while live and from
 * PostgreSQL once archived; `archived` says whether it can be tagged yet.
 */
export const ConversationTranscript = z.object({
  conversation: Conversation,
  messages: z.array(Message),
  tags: z.array(z.string()),
  archived: z.boolean(),
});
export type ConversationTranscript = z.infer<typeof ConversationTranscript>;

/** `POST /api/conversations/:conversationId/tags`. */
export const AddTag = z.object({ tag: Tag });
export type AddTag = z.infer<typeof AddTag>;

/** One entry of the audit log: who changed what, when, from where (never the values sent). */
export const AuditEntry = z.object({
  id: z.number().int(),
  siteId: SiteId.nullable(),
  actorId: AgentId.nullable(),
  action: z.string(),
  target: z.record(z.string(), z.string()),
  fields: z.array(z.string()),
  ip: z.string().nullable(),
  at: z.number().int(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /api/audit`: the site's entries, newest first; `before` pages back by id. */
export const AuditQuery = z.object({
  siteId: SiteId,
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
