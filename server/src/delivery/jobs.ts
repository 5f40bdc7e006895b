import {
  Attachment,
  ConversationId,
  DeliveryId,
  Locale,
  MAX_ATTACHMENTS_PER_MESSAGE,
  SiteId,
  TicketId,
  WebhookPayload,
} from '@cascade/shared';
import { z } from 'zod';

/**
 * What a delivery job carries in Redis, parsed again when it runs. A webhook carries its
 * payload (a snapshot of the event); an email carries references and is written when sent.
 */
export const WebhookJob = z.object({ deliveryId: DeliveryId, siteId: SiteId, payload: WebhookPayload });
export type WebhookJob = z.infer<typeof WebhookJob>;

export const MailSpec = z.discriminatedUnion('subject', [
  /** The new ticket, to the site's support address. */
  z.object({ subject: z.literal('ticket.email'), ticketId: TicketId }),
  /** The ticket number, to the visitor. */
  z.object({ subject: z.literal('ticket.visitor_email'), ticketId: TicketId }),
  /** An agent's answer to a ticket, to the visitor. */
  z.object({
    subject: z.literal('ticket.reply'),
    ticketId: TicketId,
    text: z.string().max(4000),
    by: z.string().max(100),
    attachments: z.array(Attachment).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
  }),
  /** "Email me the transcript", in the visitor's language. */
  z.object({ subject: z.literal('transcript'), conversationId: ConversationId, locale: Locale }),
]);
export type MailSpec = z.infer<typeof MailSpec>;

export const MailJob = z.object({ deliveryId: DeliveryId, siteId: SiteId, to: z.email(), mail: MailSpec });
export type MailJob = z.infer<typeof MailJob>;

/** BullMQ job names on the deliveries queue. */
export const WEBHOOK_JOB = 'webhook';
export const MAIL_JOB = 'email';

/** A delivery about to be queued: its job, and where it goes for the record. */
export type Outgoing = { kind: 'webhook'; job: WebhookJob; target: string } | { kind: 'email'; job: MailJob };
