import { z } from 'zod';
import { AgentId, ClientMsgId, ConversationId, MessageId, Timestamp } from './ids.ts';
import { BotDecision } from './bot.ts';
import { MAX_MESSAGE_LENGTH } from './constants.ts';
import { Attachment, AttachmentIds, AttachmentLink } from './attachment.ts';

export const Author = z.enum(['visitor', 'bot', 'agent', 'system']);
export type Author = z.infer<typeof Author>;

/** Names of the waterfall transitions, written to the stream as system messages. */
export const WaterfallEventName = z.enum([
  'started',
  'bot_resolved',
  'escalated',
  'claimed',
  'transferred',
  'widened',
  'offered_ticket',
  'kept_waiting',
  'agent_left',
  'requeued',
  'resolved',
  'ticketed',
  'abandoned',
]);
export type WaterfallEventName = z.infer<typeof WaterfallEventName>;

export const Message = z.object({
  /** The Redis Stream id: ordered, and the resume cursor. */
  id: MessageId,
  /**
   * The id of the message before this one that the receiver may see (null for the first), so a
   * receiver can tell when it has missed something and fetch exactly the gap.
   */
  prev: MessageId.nullable().optional(),
  conversationId: ConversationId,
  clientMsgId: ClientMsgId.nullable(),
  author: Author,
  agentId: AgentId.nullable(),
  /** Display name of the author when it is an agent. */
  authorName: z.string().max(100).nullable(),
  text: z.string().max(4000),
  ts: Timestamp,
  /** Internal notes are seen by agents only. */
  internal: z.boolean(),
  bot: BotDecision.nullable(),
  event: WaterfallEventName.nullable(),
  /** Extra facts of a system message, e.g. the ticket number or the level. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  /** Files sent with the message, with links signed for whoever receives it. */
  attachments: z.array(AttachmentLink).optional(),
});
export type Message = z.infer<typeof Message>;

/** A message as the server keeps it (stream, history): its files without links, which are signed on the way out. */
export const StoredMessage = Message.extend({ attachments: z.array(Attachment).optional() });
export type StoredMessage = z.infer<typeof StoredMessage>;

export const MessageText = z.string().trim().min(1, 'message is empty').max(MAX_MESSAGE_LENGTH, 'message is too long');

/** Text that may be empty: a message with attachments needs none. */
export const CaptionText = z.string().trim().max(MAX_MESSAGE_LENGTH, 'message is too long');

/** A message says something: text, files, or both. */
export const hasTextOrFiles = (m: { text: string; attachments?: readonly string[] | undefined }) =>
  m.text.length > 0 || (m.attachments?.length ?? 0) > 0;

export const SendMessage = z
  .object({ clientMsgId: ClientMsgId, text: CaptionText, attachments: AttachmentIds.optional() })
  .refine(hasTextOrFiles, { error: 'message is empty', path: ['text'] });
export type SendMessage = z.infer<typeof SendMessage>;

/** Where a reconnecting client resumes: everything after this id. */
export const SyncRequest = z.object({ conversationId: ConversationId, after: MessageId.nullable() });
export type SyncRequest = z.infer<typeof SyncRequest>;
