import { z } from 'zod';
import { ConversationId, EntryId, SiteId } from './ids.ts';
import { Language } from './locale.ts';

/** The longest range "What the bot missed" covers in one request: the rows it reads stay bounded. */
export const MAX_MISSED_RANGE_MS = 92 * 24 * 3600 * 1000;

/** `GET /api/kb/missed`: one site, bot replies in [from, to). */
export const MissedQuery = z
  .object({
    siteId: SiteId,
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().nonnegative(),
  })
  .refine((q) => q.from < q.to, { error: 'from must be before to', path: ['from'] })
  .refine((q) => q.to - q.from <= MAX_MISSED_RANGE_MS, { error: 'the range is at most 92 days', path: ['to'] });
export type MissedQuery = z.infer<typeof MissedQuery>;

/** Why a question counts as missed: only suggestions, escalated, or answered and then a person was asked for. */
export const MissReason = z.enum(['suggested', 'escalated', 'person_after_answer']);
export type MissReason = z.infer<typeof MissReason>;

export const MissedQuestion = z.object({
  conversationId: ConversationId,
  text: z.string(),
  ts: z.number().int(),
  language: Language,
  reason: MissReason,
  /** The first agent message after the question in that conversation, if an agent replied. */
  agentReply: z.string().nullable(),
});
export type MissedQuestion = z.infer<typeof MissedQuestion>;

export const MissedGroup = z.object({
  representative: MissedQuestion,
  count: z.number().int().positive(),
  /** A few members, the representative first. */
  examples: z.array(MissedQuestion).max(5),
  language: Language,
  /** The knowledge-base entry the group comes closest to, if any is close. */
  closestEntryId: EntryId.nullable(),
  /** The first agent reply found among the members, the representative's first. */
  agentReply: z.string().nullable(),
});
export type MissedGroup = z.infer<typeof MissedGroup>;

export const MissedGroups = z.object({
  groups: z.array(MissedGroup),
  /** Missed questions found in the range. */
  questions: z.number().int().nonnegative(),
  /** True when the range held more than the rows read: the oldest were left out. */
  truncated: z.boolean(),
});
export type MissedGroups = z.infer<typeof MissedGroups>;
