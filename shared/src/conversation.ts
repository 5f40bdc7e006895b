import { z } from 'zod';
import { NpsAnswer } from './nps.ts';
import { AgentId, ConversationId, MessageId, SiteId, TicketId, Timestamp, VisitorId } from './ids.ts';
import { Locale } from './locale.ts';
import { Level } from './site.ts';
import { Skill } from './skill.ts';
import { AgentPublic } from './agent.ts';

/** The waterfall's states; the transitions live in server/src/waterfall/machine.ts. */
export const ConversationState = z.enum([
  'bot',
  'queued',
  'assigned',
  'offered_ticket',
  'resolved',
  'ticketed',
  'abandoned',
]);
export type ConversationState = z.infer<typeof ConversationState>;

export const Csat = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).nullable(),
  ts: Timestamp,
});
export type Csat = z.infer<typeof Csat>;

/** Why a visitor is offered a ticket instead of a person: theirs to read, it says what the wait was. */
export const OfferReason = z.enum(['max_wait', 'no_agent', 'outside_hours']);

/** A subject is one line: the start of the first question. */
export const SUBJECT_MAX = 120;

export const Conversation = z.object({
  id: ConversationId,
  siteId: SiteId,
  visitorId: VisitorId,
  state: ConversationState,
  /** Counts the conversation's state writes, so a client can ignore a view older than one it has. */
  version: z.number().int().nonnegative().default(0),
  locale: Locale,
  skill: Skill,
  level: Level,
  /** Waited past the site's widening time: any agent at the level may take it, whatever their skills. */
  widened: z.boolean(),
  /** Higher waits less; set from the site's priority rules when queued. */
  priority: z.number().int().min(0).max(9),
  agentId: AgentId.nullable(),
  ticketId: TicketId.nullable(),
  ticketNumber: z.number().int().positive().nullable(),
  transfers: z.number().int().nonnegative(),
  transferNote: z.string().max(1000).nullable(),
  /** The address the visitor left in this conversation: the only one, with a verified one, a transcript may go to. */
  visitorEmail: z.email().max(254).nullable().default(null),
  /** Why the visitor was offered a ticket, while in `offered_ticket`. */
  offerReason: OfferReason.nullable(),
  resolvedBy: z.enum(['bot', 'agent']).nullable(),
  csat: Csat.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  queuedAt: Timestamp.nullable(),
  /** When the current wait began (escalated, transferred, re-queued or chose to keep waiting); timers check it. */
  waitingSince: Timestamp.nullable(),
  assignedAt: Timestamp.nullable(),
  firstResponseAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  /** The visitor's first question, shortened: what the chat is about, wherever it is listed. */
  subject: z.string().max(SUBJECT_MAX).optional(),
  /** The last message each side has seen (seen receipts); absent until they have. */
  seenByVisitor: MessageId.optional(),
  seenByAgent: MessageId.optional(),
  /** Asked for a person on a site whose pre-chat form comes first: queued once it is answered. */
  handoffHeld: z.boolean().optional(),
  /** The visitor's NPS answer after this chat, when the site asked. */
  nps: NpsAnswer.optional(),
});
export type Conversation = z.infer<typeof Conversation>;

/** A conversation as it starts: with the bot, on the general line at level 1, nothing done yet. */
export function newConversation(
  start: Pick<Conversation, 'id' | 'siteId' | 'visitorId' | 'locale'> & { at: number },
): Conversation {
  const { at, ...who } = start;
  return {
    ...who,
    state: 'bot',
    version: 0,
    skill: 'general',
    level: 1,
    widened: false,
    priority: 0,
    agentId: null,
    ticketId: null,
    ticketNumber: null,
    transfers: 0,
    transferNote: null,
    visitorEmail: null,
    offerReason: null,
    resolvedBy: null,
    csat: null,
    createdAt: at,
    updatedAt: at,
    queuedAt: null,
    waitingSince: null,
    assignedAt: null,
    firstResponseAt: null,
    closedAt: null,
  };
}

export const QueueStatus = z.object({
  /** 1 = next in line. */
  position: z.number().int().positive(),
  etaSeconds: z.number().int().nonnegative(),
  /**
   * Whether an eligible agent (skill, level, online, within hours) can take the chat within the
   * site's wait limit. When false the estimate is no promise: the widget says nobody can answer now.
   */
  available: z.boolean(),
  /** When the site is closed: the next opening (epoch ms), for "we are back at…". */
  opensAt: z.number().int().nonnegative().nullable(),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

/** What the visitor's widget knows of its conversation. */
export const ConversationView = z.object({
  id: ConversationId,
  state: ConversationState,
  /** The conversation's version when this view was made; an older one than held is ignored. */
  version: z.number().int().nonnegative().optional(),
  queue: QueueStatus.nullable(),
  agent: AgentPublic.nullable(),
  ticketNumber: z.number().int().positive().nullable(),
  canRate: z.boolean(),
  /**
   * Where the transcript may be emailed: the address the visitor left in this conversation and
   * their verified one. Empty (or absent) means nowhere: the transcript is no relay to strangers.
   */
  transcriptTo: z.array(z.email().max(254)).max(2).optional(),
  /** The chat became a ticket with no address to answer: the widget says so and asks for one. */
  ticketNoContact: z.boolean().optional(),
  /** Whether the server can send mail at all: without it the widget offers no transcript. */
  transcriptMail: z.boolean().optional(),
  /** The last message the agent has seen, so the widget can say "Seen" after a reload too. */
  seenByAgent: MessageId.optional(),
  /** A person was asked for; the site's pre-chat form is to be answered before one joins. */
  preChatFirst: z.boolean().optional(),
  /** The site's NPS question is due from this visitor after this chat. */
  canNps: z.boolean().optional(),
  /** Offered the email form on a site that promises a reply: when the reply is due (epoch ms). */
  replyBy: Timestamp.optional(),
});
export type ConversationView = z.infer<typeof ConversationView>;
