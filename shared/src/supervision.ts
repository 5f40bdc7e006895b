import { z } from 'zod';
import { AgentId, SiteId } from './ids.ts';
import { Conversation } from './conversation.ts';
import { Message } from './message.ts';
import { SlaClock } from './sla.ts';

/**
 * Why a chat may end with a poor rating, from facts the server has at once: a long wait for a
 * person, a visitor left unanswered, or the visitor's own words sounding unhappy. A hint for a
 * supervisor to look, not a prediction.
 */
export const RatingRisk = z.enum(['long_wait', 'unanswered', 'unhappy_words']);
export type RatingRisk = z.infer<typeof RatingRisk>;

export const AgentRef = z.object({ id: AgentId, name: z.string() });
export type AgentRef = z.infer<typeof AgentRef>;

/** One open conversation as a supervisor's all-chats list shows it. */
export const ChatRow = z.object({
  conversation: Conversation,
  visitorName: z.string().nullable(),
  agent: AgentRef.nullable(),
  lastMessage: Message.nullable(),
  /** Seconds in line so far (waiting) or before an agent took it (assigned); null before any wait. */
  waitSeconds: z.number().int().nonnegative().nullable(),
  clocks: z.array(SlaClock),
  risk: z.array(RatingRisk),
});
export type ChatRow = z.infer<typeof ChatRow>;

export const AllChats = z.object({ siteId: SiteId, chats: z.array(ChatRow) });
export type AllChats = z.infer<typeof AllChats>;

/** Who has a chat open in the console right now: the collision warning. */
export const ChatViewers = z.object({ conversationId: z.string(), viewers: z.array(AgentRef) });
export type ChatViewers = z.infer<typeof ChatViewers>;
