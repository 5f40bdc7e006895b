import { z } from 'zod';
import { Conversation } from './conversation.ts';
import { AgentId, ConversationId, DeliveryId, SiteId, TicketId, Timestamp } from './ids.ts';
import { Message } from './message.ts';
import { Level } from './site.ts';
import { Skill } from './skill.ts';
import { Ticket } from './ticket.ts';
import { SlaKind } from './sla.ts';

/** What a site's webhook hears about; the `X-Cascade-Event` header carries the same name. */
export const WebhookEventType = z.enum([
  'conversation.started',
  'conversation.escalated',
  'conversation.resolved',
  'ticket.created',
  'csat.submitted',
  'message.created',
  'conversation.assigned',
  'conversation.transferred',
  'sla.breached',
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

const envelope = {
  /** The delivery id, the same on every try: receivers use it to ignore a repeat. */
  id: DeliveryId,
  createdAt: Timestamp,
  siteId: SiteId,
};

const WebhookAgent = z.object({ id: AgentId, name: z.string() });

export const CsatData = z.object({
  conversationId: ConversationId,
  ticketId: TicketId.nullable(),
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  /** The agent who had the chat; null when the bot resolved it. */
  agent: WebhookAgent.nullable(),
  skill: Skill,
  level: Level,
  ratedAt: Timestamp,
});
export type CsatData = z.infer<typeof CsatData>;

/** The JSON body POSTed to a site's webhook URL, one shape per event type. */
export const WebhookPayload = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('conversation.started'), data: z.object({ conversation: Conversation }) }),
  z.object({ ...envelope, type: z.literal('conversation.escalated'), data: z.object({ conversation: Conversation }) }),
  z.object({ ...envelope, type: z.literal('conversation.resolved'), data: z.object({ conversation: Conversation }) }),
  /** The whole ticket: transcript (internal notes marked `internal`), pages and history. */
  z.object({
    ...envelope,
    type: z.literal('ticket.created'),
    data: z.object({ ticket: Ticket, conversation: Conversation }),
  }),
  z.object({ ...envelope, type: z.literal('csat.submitted'), data: CsatData }),
  /** A visitor's, agent's or the bot's message (internal notes marked `internal`); system lines are not sent. */
  z.object({
    ...envelope,
    type: z.literal('message.created'),
    data: z.object({ message: Message, conversation: Conversation }),
  }),
  z.object({
    ...envelope,
    type: z.literal('conversation.assigned'),
    data: z.object({ conversation: Conversation, agent: WebhookAgent.nullable() }),
  }),
  /** Passed on with a note; `conversation` shows the new skill and level, `from` who passed it. */
  z.object({
    ...envelope,
    type: z.literal('conversation.transferred'),
    data: z.object({ conversation: Conversation, from: WebhookAgent.nullable(), note: z.string().nullable() }),
  }),
  /** A promise of the site's SLA policy fell due unkept; sent once per clock. `agent` had the chat then. */
  z.object({
    ...envelope,
    type: z.literal('sla.breached'),
    data: z.object({ conversation: Conversation, kind: SlaKind, dueAt: Timestamp, agent: WebhookAgent.nullable() }),
  }),
]);
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** Sent only by "send a test event" in the settings, never by a chat. */
export const WebhookTestPayload = z.object({
  ...envelope,
  type: z.literal('webhook.test'),
  data: z.object({ message: z.string() }),
});
export type WebhookTestPayload = z.infer<typeof WebhookTestPayload>;

export const DeliveryKind = z.enum(['webhook', 'email']);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

export const DeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** What a delivery is about: a webhook event, or one of the emails Cascade sends. */
export const DeliverySubject = z.union([
  WebhookEventType,
  z.enum(['ticket.email', 'ticket.visitor_email', 'ticket.reply', 'transcript']),
]);
export type DeliverySubject = z.infer<typeof DeliverySubject>;

/** One delivery to the outside and how it went, as agents of the site see it. */
export const Delivery = z.object({
  id: DeliveryId,
  siteId: SiteId,
  kind: DeliveryKind,
  subject: DeliverySubject,
  /** The webhook URL or the email address of the last try. */
  target: z.string(),
  status: DeliveryStatus,
  tries: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryListQuery = z.object({
  siteId: SiteId.optional(),
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

export const DeliveryParams = z.object({ deliveryId: DeliveryId });
