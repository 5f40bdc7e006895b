import { z } from 'zod';
import { AgentId, ConversationId, DeliveryId, HeldEmailId, SiteId, TicketId, Timestamp, VisitorId } from './ids.ts';
import { Level } from './site.ts';
import { Skill } from './skill.ts';
import { Message } from './message.ts';
import { PageView } from './visitor.ts';
import { Locale } from './locale.ts';
import { Attachment, AttachmentLink } from './attachment.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './constants.ts';

export const TicketStatus = z.enum(['open', 'pending', 'solved']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Why the waterfall ended in a ticket; `email`: the visitor answered a finished chat's transcript. */
export const TicketReason = z.enum(['followup', 'no_agent', 'max_wait', 'outside_hours', 'abandoned', 'email']);
export type TicketReason = z.infer<typeof TicketReason>;

export const TicketHistoryItem = z.object({
  ts: Timestamp,
  /**
   * `email`: the visitor answered by email; `held`: an email from another sender waits for an
   * agent to accept or discard it; `auto`: an auto-reply or a bounce, kept but not acted on.
   */
  action: z.enum(['created', 'status', 'assignee', 'reply', 'note', 'contact', 'email', 'held', 'auto']),
  by: z.string().max(100),
  detail: z.string().max(4000),
  /** A reply's email: its delivery says whether it went out. */
  deliveryId: DeliveryId.optional(),
  /** A held email: its record says whether it is still held. */
  heldId: HeldEmailId.optional(),
  /** The files of the visitor's email, with links signed when the ticket is read. */
  attachments: z.array(AttachmentLink).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
});
export type TicketHistoryItem = z.infer<typeof TicketHistoryItem>;

/** A history item as it is kept: its files without links. */
export const StoredTicketHistoryItem = TicketHistoryItem.extend({
  attachments: z.array(Attachment).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
});
export type StoredTicketHistoryItem = z.infer<typeof StoredTicketHistoryItem>;

export const Ticket = z.object({
  id: TicketId,
  siteId: SiteId,
  /** Human-friendly, per site, increasing. */
  number: z.number().int().positive(),
  conversationId: ConversationId,
  status: TicketStatus,
  reason: TicketReason,
  skill: Skill,
  level: Level,
  assigneeId: AgentId.nullable(),
  note: z.string().max(1000).nullable(),
  /** Taken from the visitor's first question in the chat. */
  subject: z.string().max(200).optional(),
  visitor: z.object({
    id: VisitorId,
    name: z.string().nullable(),
    email: z.string().nullable(),
    locale: Locale,
  }),
  transcript: z.array(Message),
  pages: z.array(PageView),
  history: z.array(TicketHistoryItem),
  /** The reply the visitor was promised when nobody could answer, due then (the site's reply promise). */
  replyBy: Timestamp.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Ticket = z.infer<typeof Ticket>;

/** A ticket as it is kept: its history's files without links. */
export const StoredTicket = Ticket.extend({ history: z.array(StoredTicketHistoryItem) });
export type StoredTicket = z.infer<typeof StoredTicket>;

export const TicketSummary = Ticket.omit({ transcript: true, pages: true, history: true });
export type TicketSummary = z.infer<typeof TicketSummary>;
