import { z } from 'zod';
import { ClientMsgId, ConversationId, EntryId, MessageId, Timestamp } from './ids.ts';
import { Language } from './locale.ts';
import { Suggestion } from './bot.ts';
import { Author, WaterfallEventName } from './message.ts';
import { OfferReason } from './conversation.ts';
import { AttachmentLink } from './attachment.ts';

/**
 * What a visitor may know of the bot's decision: enough to offer "That helped" or the
 * suggested articles. Its confidence and its guess of the skill are routing internals.
 */
export const VisitorBotReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), entryId: EntryId, language: Language }).strict(),
  z
    .object({ kind: z.literal('suggest'), language: Language, suggestions: z.array(Suggestion.strict()).min(1).max(3) })
    .strict(),
  z
    .object({ kind: z.literal('escalate'), reason: z.enum(['unknown', 'human_requested']), language: Language })
    .strict(),
  z
    .object({ kind: z.literal('smalltalk'), intent: z.enum(['greeting', 'thanks', 'goodbye']), language: Language })
    .strict(),
]);
export type VisitorBotReply = z.infer<typeof VisitorBotReply>;

/** The facts of a system message a visitor may read: who joined, which ticket. Nothing else. */
export const VisitorEventData = z
  .object({
    agentName: z.string().max(100).optional(),
    ticketNumber: z.number().int().positive().optional(),
    /** Why a ticket is offered: the shop is closed, nobody is free, or the wait passed its maximum. */
    reason: OfferReason.optional(),
  })
  .strict();
export type VisitorEventData = z.infer<typeof VisitorEventData>;

/**
 * A message as a visitor receives it, over the socket, in a sync or by email. Strict: no
 * agent account id, no internal flag, no notes, skills or levels. Agents are known by name.
 */
export const VisitorMessage = z
  .object({
    id: MessageId,
    /** On a push: the id of the message before it that the visitor may see (null for the first). */
    prev: MessageId.nullable().optional(),
    conversationId: ConversationId,
    clientMsgId: ClientMsgId.nullable(),
    author: Author,
    /** The agent's display name when an agent wrote it. */
    authorName: z.string().max(100).nullable(),
    text: z.string().max(4000),
    ts: Timestamp,
    bot: VisitorBotReply.nullable(),
    event: WaterfallEventName.nullable(),
    data: VisitorEventData.nullable(),
    attachments: z.array(AttachmentLink).optional(),
  })
  .strict();
export type VisitorMessage = z.infer<typeof VisitorMessage>;
