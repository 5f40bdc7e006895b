import { z } from 'zod';
import { Attachment } from './attachment.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './constants.ts';
import { HeldEmailId, SiteId, TicketId, Timestamp } from './ids.ts';
import { TicketParams } from './rest.ts';

/**
 * An email to a ticket's reply address from someone other than the ticket's contact: kept
 * aside until an agent accepts it into the ticket or discards it.
 */
export const HeldEmail = z.object({
  id: HeldEmailId,
  siteId: SiteId,
  ticketId: TicketId,
  from: z.string().max(320),
  subject: z.string().max(500),
  /** The new part of the message, quoted history and signature cut. */
  text: z.string().max(4000),
  receivedAt: Timestamp,
  /** Its files, checked and stored as a contact's would be, shown to agents only until it is accepted. */
  attachments: z.array(Attachment).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  status: z.enum(['held', 'accepted', 'discarded']),
});
export type HeldEmail = z.infer<typeof HeldEmail>;

export const HeldEmailList = z.object({ held: z.array(HeldEmail) });
export type HeldEmailList = z.infer<typeof HeldEmailList>;

export const HeldEmailParams = TicketParams.extend({ heldId: HeldEmailId });
export type HeldEmailParams = z.infer<typeof HeldEmailParams>;

export const HeldEmailDecision = z.object({ decision: z.enum(['accept', 'discard']) });
export type HeldEmailDecision = z.infer<typeof HeldEmailDecision>;

export const HeldEmailAnswer = z.object({ held: HeldEmail });
export type HeldEmailAnswer = z.infer<typeof HeldEmailAnswer>;

/**
 * What became of an inbound email: `accepted` into its ticket, `held` for an agent, `auto`
 * (an auto-reply or a bounce: kept, never acted on), or `duplicate` (the same message again).
 */
export const InboundOutcome = z.enum(['accepted', 'held', 'auto', 'duplicate']);
export type InboundOutcome = z.infer<typeof InboundOutcome>;
/** `ticketId` is null only for a robot's answer to a transcript: noted nowhere, since it opens no ticket. */
export const InboundAnswer = z.object({ outcome: InboundOutcome, ticketId: TicketId.nullable() });
export type InboundAnswer = z.infer<typeof InboundAnswer>;

/** Pushed to the console: a visitor's email reached a ticket (or waits there, held). */
export const TicketEmailNotice = z.object({
  siteId: SiteId,
  ticketId: TicketId,
  number: z.number().int().positive(),
  from: z.string().max(320),
  held: z.boolean(),
});
export type TicketEmailNotice = z.infer<typeof TicketEmailNotice>;
