import { z } from 'zod';
import { ConversationId, SiteId, VisitorId } from './ids.ts';
import { Visitor, PageView } from './visitor.ts';
import { Conversation } from './conversation.ts';
import { Message } from './message.ts';
import { Ticket } from './ticket.ts';
import { Delivery } from './webhooks.ts';

/**
 * `POST /api/privacy/find|export|erase`: one way to name the person, on one site. A POST, so
 * the address never sits in a URL or a log, and each call lands in the audit log.
 */
export const VisitorLookup = z
  .object({
    siteId: SiteId,
    email: z.email().max(254).optional(),
    /** The id the site's own backend gave the person (the identity token's `sub`). */
    externalId: z.string().trim().min(1).max(128).optional(),
    conversationId: ConversationId.optional(),
    visitorId: VisitorId.optional(),
  })
  .refine((q) => [q.email, q.externalId, q.conversationId, q.visitorId].filter((v) => v !== undefined).length === 1, {
    error: 'name the visitor by exactly one of email, externalId, conversationId or visitorId',
  });
export type VisitorLookup = z.infer<typeof VisitorLookup>;

/** A visitor a lookup found, with how much is held about them. */
export const FoundVisitor = z.object({
  visitor: Visitor,
  conversations: z.number().int().nonnegative(),
});
export type FoundVisitor = z.infer<typeof FoundVisitor>;

export const FoundVisitors = z.object({ visitors: z.array(FoundVisitor) });
export type FoundVisitors = z.infer<typeof FoundVisitors>;

/** Everything Cascade holds about the visitors a lookup found. */
export const VisitorExport = z.object({
  siteId: SiteId,
  exportedAt: z.number().int(),
  visitors: z.array(
    z.object({
      visitor: Visitor,
      pages: z.array(PageView),
      conversations: z.array(
        z.object({ conversation: Conversation, tags: z.array(z.string()), messages: z.array(Message) }),
      ),
      tickets: z.array(Ticket),
      deliveries: z.array(Delivery),
    }),
  ),
});
export type VisitorExport = z.infer<typeof VisitorExport>;

/** What an erasure removed, counted; the `erasures` table keeps these numbers and nothing else. */
export const ErasureCounts = z.object({
  visitors: z.number().int().nonnegative(),
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  tickets: z.number().int().nonnegative(),
  deliveries: z.number().int().nonnegative(),
});
export type ErasureCounts = z.infer<typeof ErasureCounts>;

export const ErasureResult = z.object({ erasureId: z.number().int(), erased: ErasureCounts });
export type ErasureResult = z.infer<typeof ErasureResult>;

/**
 * A site's retention: transcripts (messages, notes, tickets, visitors' details, delivery records)
 * go after `transcriptDays`; the conversation's numbers (outcome, times, rating score, tags, the
 * analytics events) stay, without any text, until `recordDays`. Null keeps them for ever.
 */
export const RetentionSettings = z
  .object({
    transcriptDays: z.number().int().min(1).max(3650).nullable(),
    recordDays: z.number().int().min(1).max(3650).nullable(),
  })
  .refine((r) => r.recordDays === null || (r.transcriptDays !== null && r.recordDays >= r.transcriptDays), {
    error: 'numbers are kept at least as long as transcripts',
    path: ['recordDays'],
  });
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const RetentionUpdate = z.object({ siteId: SiteId, retention: RetentionSettings });
export type RetentionUpdate = z.infer<typeof RetentionUpdate>;
