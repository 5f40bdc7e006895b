import { z } from 'zod';
import type { AckFn } from '../ack.ts';
import { ConversationId, EntryId, MessageId, Timestamp, VisitorId } from '../ids.ts';
import { Locale } from '../locale.ts';
import { ConversationView } from '../conversation.ts';
import { SendMessage } from '../message.ts';
import { VisitorMessage } from '../visitor-message.ts';
import { PreChatFieldId, PublicSiteConfig } from '../site.ts';
import { ATTRIBUTE_VALUE_MAX, ATTRIBUTES_MAX, AttributeKey, PageUrl } from '../visitor.ts';
import { FileLinkReply, FileLinkRequest } from '../attachment.ts';
import type { RateNps } from '../nps.ts';

/** Sent in the Socket.IO handshake (`auth`) of the `/visitor` namespace. */
export const VisitorAuth = z.object({
  siteKey: z.string().min(1).max(80),
  /** The token from an earlier visit (localStorage); absent on the first visit. */
  token: z.string().min(16).max(128).optional(),
  /** An identity JWT signed by the site's backend. */
  identity: z.string().min(1).max(4096).optional(),
  locale: Locale.optional(),
});
export type VisitorAuth = z.infer<typeof VisitorAuth>;

export const Hello = z.object({
  /** Last message id the client has; the reply carries everything after it. */
  after: MessageId.nullable(),
  page: z.object({ url: z.string().max(2048), title: z.string().max(300) }).nullable(),
});
export type Hello = z.infer<typeof Hello>;

export const HelloReply = z.object({
  token: z.string(),
  visitorId: VisitorId,
  /** The site's pre-chat form has nothing to ask: answered before, or the visitor is identified. */
  preChatDone: z.boolean().optional(),
  /** The visitor has conversations before the current one: the widget offers them only then. */
  earlier: z.boolean().optional(),
  site: PublicSiteConfig,
  conversation: ConversationView.nullable(),
  messages: z.array(VisitorMessage),
});
export type HelloReply = z.infer<typeof HelloReply>;

export const SendReply = z.object({ message: VisitorMessage, conversation: ConversationView });
export type SendReply = z.infer<typeof SendReply>;

export const BotFeedback = z.object({ messageId: MessageId, helpful: z.boolean() });
export const PickSuggestion = z.object({ entryId: EntryId });
export const Escalate = z.object({}).strict();
export const Typing = z.object({ typing: z.boolean() });
/** Only a URL that parses is stored: one that did not broke every later reader of the pages. */
export const PageViewInput = z.object({ url: PageUrl, title: z.string().max(300) });
export const LeaveEmail = z.object({ email: z.email().max(254), name: z.string().trim().max(100).optional() });
export const KeepWaiting = z.object({}).strict();
export const Rate = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export const TranscriptRequest = z.object({ email: z.email().max(254) });
export const SetLocale = z.object({ locale: Locale });
export const SyncMessages = z.object({ after: MessageId.nullable() });
/**
 * `Cascade('set', …)` as the page wrote it: numbers and booleans become text, and an empty
 * value or null removes that attribute. Merged into what the visitor has.
 */
export const SetAttributes = z.object({
  attributes: z
    .record(
      AttributeKey,
      z
        .union([z.string(), z.number(), z.boolean(), z.null()])
        .transform((v) => (v === null ? '' : String(v)))
        .pipe(z.string().max(ATTRIBUTE_VALUE_MAX)),
    )
    .refine((a) => Object.keys(a).length <= ATTRIBUTES_MAX, `at most ${ATTRIBUTES_MAX} attributes at once`),
});
export type SetAttributes = z.input<typeof SetAttributes>;
/** The pre-chat form's answers by field id; checked against the site's fields on the server. */
export const SubmitPreChat = z.object({
  answers: z.record(PreChatFieldId, z.string().trim().max(500)),
});
/** The visitor has seen the conversation up to this message. */
export const MarkSeen = z.object({ upTo: MessageId });

export const EarlierList = z.object({}).strict();
export const EarlierOpen = z.object({ conversationId: ConversationId }).strict();
/** One of a visitor's earlier conversations, as their list shows it: when, and how it began. */
export const EarlierConversation = z
  .object({ id: ConversationId, startedAt: Timestamp, firstLine: z.string().max(200) })
  .strict();
export type EarlierConversation = z.infer<typeof EarlierConversation>;

export type ConversationReply = { conversation: ConversationView };

export interface VisitorClientEvents {
  hello: (p: Hello, ack: AckFn<HelloReply>) => void;
  'message:send': (p: SendMessage, ack: AckFn<SendReply>) => void;
  'messages:sync': (p: z.infer<typeof SyncMessages>, ack: AckFn<{ messages: VisitorMessage[] }>) => void;
  'bot:feedback': (p: z.infer<typeof BotFeedback>, ack: AckFn<ConversationReply>) => void;
  'bot:pick': (p: z.infer<typeof PickSuggestion>, ack: AckFn<ConversationReply>) => void;
  'conversation:escalate': (p: z.infer<typeof Escalate>, ack: AckFn<ConversationReply>) => void;
  'conversation:leave-email': (p: z.infer<typeof LeaveEmail>, ack: AckFn<ConversationReply>) => void;
  'conversation:keep-waiting': (p: z.infer<typeof KeepWaiting>, ack: AckFn<ConversationReply>) => void;
  'conversation:rate': (p: z.infer<typeof Rate>, ack: AckFn<ConversationReply>) => void;
  'conversation:nps': (p: RateNps, ack: AckFn<ConversationReply>) => void;
  'transcript:request': (p: z.infer<typeof TranscriptRequest>, ack: AckFn) => void;
  typing: (p: z.infer<typeof Typing>, ack?: AckFn) => void;
  'page:view': (p: z.infer<typeof PageViewInput>, ack?: AckFn) => void;
  'locale:set': (p: z.infer<typeof SetLocale>, ack?: AckFn) => void;
  /** The visitor's conversations before the current one, newest first (read-only). */
  'earlier:list': (p: z.infer<typeof EarlierList>, ack: AckFn<{ conversations: EarlierConversation[] }>) => void;
  'earlier:open': (p: z.infer<typeof EarlierOpen>, ack: AckFn<{ messages: VisitorMessage[] }>) => void;
  /** New signed links for a file of the visitor's conversation. */
  'file:link': (p: FileLinkRequest, ack: AckFn<FileLinkReply>) => void;
  'attributes:set': (p: SetAttributes, ack?: AckFn) => void;
  'messages:seen': (p: z.infer<typeof MarkSeen>, ack?: AckFn) => void;
  'prechat:submit': (p: z.infer<typeof SubmitPreChat>, ack: AckFn) => void;
}

export interface VisitorServerEvents {
  'message:new': (m: VisitorMessage) => void;
  'conversation:update': (c: ConversationView) => void;
  typing: (p: { from: 'agent'; typing: boolean }) => void;
}
