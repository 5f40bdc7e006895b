import { z } from 'zod';
import { ErrorBody } from './ack.ts';
import { Agent } from './agent.ts';
import { BotDecision } from './bot.ts';
import { CannedReply } from './canned.ts';
import { AuditEntry } from './history.ts';
import { AgentId, Timestamp } from './ids.ts';
import { KbEntry } from './kb.ts';
import { ErasureCounts, RetentionSettings } from './privacy.ts';
import { PendingInvitation } from './setup.ts';
import { Site } from './site.ts';
import { Ticket, TicketSummary } from './ticket.ts';
import { Delivery } from './webhooks.ts';

/**
 * The answers of the REST routes that had no schema of their own: the OpenAPI description is
 * generated from these, and the tests check real answers against them.
 */

/** Every REST error: a code the client can act on, and words for people. */
export const ErrorReply = z.object({ error: ErrorBody });
export type ErrorReply = z.infer<typeof ErrorReply>;

export const TicketList = z.object({ tickets: z.array(TicketSummary), total: z.number().int().nonnegative() });
export type TicketList = z.infer<typeof TicketList>;
export const TicketAnswer = z.object({ ticket: Ticket });
export type TicketAnswer = z.infer<typeof TicketAnswer>;
/** A reply was added to the ticket and its email queued. */
export const TicketReplied = z.object({ ticket: Ticket, delivery: Delivery });
export type TicketReplied = z.infer<typeof TicketReplied>;

export const DeliveryList = z.object({ deliveries: z.array(Delivery), total: z.number().int().nonnegative() });
export type DeliveryList = z.infer<typeof DeliveryList>;
/** The emails of a ticket's replies, each with how it went. */
export const TicketDeliveries = z.object({ deliveries: z.array(Delivery) });
export type TicketDeliveries = z.infer<typeof TicketDeliveries>;
export const DeliveryAnswer = z.object({ delivery: Delivery });
export type DeliveryAnswer = z.infer<typeof DeliveryAnswer>;

export const KbEntries = z.object({ entries: z.array(KbEntry) });
export type KbEntries = z.infer<typeof KbEntries>;
export const KbEntryAnswer = z.object({ entry: KbEntry });
export type KbEntryAnswer = z.infer<typeof KbEntryAnswer>;
/** `added` is false when the entry already had the phrasing: nothing was written. */
export const KbPhrasingAdded = z.object({ entry: KbEntry, added: z.boolean() });
export type KbPhrasingAdded = z.infer<typeof KbPhrasingAdded>;
export const KbImported = z.object({ imported: z.number().int().nonnegative() });
export type KbImported = z.infer<typeof KbImported>;
/** "Try the bot": what it would answer. */
export const KbTried = z.object({ decision: BotDecision });
export type KbTried = z.infer<typeof KbTried>;

export const CannedReplies = z.object({ replies: z.array(CannedReply) });
export type CannedReplies = z.infer<typeof CannedReplies>;
export const CannedReplyAnswer = z.object({ reply: CannedReply });
export type CannedReplyAnswer = z.infer<typeof CannedReplyAnswer>;

/** A site's settings and the script tag to paste. */
export const SiteView = z.object({ site: Site, snippet: z.string() });
export type SiteView = z.infer<typeof SiteView>;
/** A new secret, shown this once. */
export const SecretRotated = z.object({ secret: z.string() });
export type SecretRotated = z.infer<typeof SecretRotated>;

/** Accounts as one site sees them: only their membership of that site. */
export const AgentList = z.object({ agents: z.array(Agent) });
export type AgentList = z.infer<typeof AgentList>;
export const AgentAnswer = z.object({ agent: Agent });
export type AgentAnswer = z.infer<typeof AgentAnswer>;

export const PendingInvitations = z.object({ invitations: z.array(PendingInvitation) });
export type PendingInvitations = z.infer<typeof PendingInvitations>;
/** The same words whether the email has an account or not. */
export const ForgotAnswer = z.object({ message: z.string() });
export type ForgotAnswer = z.infer<typeof ForgotAnswer>;

/** A conversation's tags after a change. */
export const TagList = z.object({ tags: z.array(z.string()) });
export type TagList = z.infer<typeof TagList>;

export const AuditEntries = z.object({ entries: z.array(AuditEntry) });
export type AuditEntries = z.infer<typeof AuditEntries>;

/** One erasure as the site's admins see it later: when, by whom, how much; never whom. */
export const Erasure = z.object({
  id: z.number().int(),
  actorId: AgentId.nullable(),
  erased: ErasureCounts,
  at: Timestamp,
});
export type Erasure = z.infer<typeof Erasure>;
export const Erasures = z.object({ erasures: z.array(Erasure) });
export type Erasures = z.infer<typeof Erasures>;

export const RetentionAnswer = z.object({ retention: RetentionSettings });
export type RetentionAnswer = z.infer<typeof RetentionAnswer>;
