import { z } from 'zod';

/** Opaque identifiers: short, URL-safe, never containing Redis key separators. */
const opaqueId = (what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} must be 1-64 letters, digits, _ or -`);

export const SiteId = opaqueId('siteId');
export type SiteId = z.infer<typeof SiteId>;
export const ConversationId = opaqueId('conversationId');
export type ConversationId = z.infer<typeof ConversationId>;
export const AgentId = opaqueId('agentId');
export type AgentId = z.infer<typeof AgentId>;
export const VisitorId = opaqueId('visitorId');
export type VisitorId = z.infer<typeof VisitorId>;
export const TicketId = opaqueId('ticketId');
export type TicketId = z.infer<typeof TicketId>;
export const HeldEmailId = opaqueId('heldId');
export type HeldEmailId = z.infer<typeof HeldEmailId>;
export const EntryId = opaqueId('entryId');
export type EntryId = z.infer<typeof EntryId>;

/** A Redis Stream id, e.g. `1700000000000-0`; used as message id and resume cursor. */
export const MessageId = z.string().regex(/^\d{1,20}-\d{1,20}$/, 'message id must look like 1700000000000-0');
export type MessageId = z.infer<typeof MessageId>;

export const ClientMsgId = z.uuid({ error: 'clientMsgId must be a UUID' });
export type ClientMsgId = z.infer<typeof ClientMsgId>;

/** Milliseconds since the epoch. */
export const Timestamp = z.number().int().nonnegative();
export type Timestamp = z.infer<typeof Timestamp>;

/** Letters, digits and `.`, `_`, `-`: also a BullMQ job id, so one delivery runs once. */
export const DeliveryId = z.string().regex(/^[A-Za-z0-9._-]{1,160}$/, 'delivery id must be letters, digits, ., _ or -');
export type DeliveryId = z.infer<typeof DeliveryId>;
