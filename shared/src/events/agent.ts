import { z } from 'zod';
import type { AckFn } from '../ack.ts';
import { AgentStatus, ChosenStatus } from '../agent.ts';
import { Conversation } from '../conversation.ts';
import { AgentId, ClientMsgId, ConversationId, MessageId, SiteId } from '../ids.ts';
import { CaptionText, hasTextOrFiles, Message } from '../message.ts';
import { AttachmentIds, FileLinkReply, FileLinkRequest } from '../attachment.ts';
import { Level } from '../site.ts';
import { Skill, type SkillNames } from '../skill.ts';
import { TicketSummary } from '../ticket.ts';
import type { Board } from '../rest.ts';
import type { CannedReply } from '../canned.ts';
import type { TicketEmailNotice } from '../inbound-email.ts';
import { PageView, Visitor } from '../visitor.ts';
import { AgentRef, type AllChats, type ChatViewers } from '../supervision.ts';
import { SlaClock } from '../sla.ts';

/** A chat as it appears in an agent's inbox or the waiting list. */
export const ChatSummary = z.object({
  conversation: Conversation,
  visitor: Visitor,
  lastMessage: Message.nullable(),
});
export type ChatSummary = z.infer<typeof ChatSummary>;

/** Everything an agent needs so the visitor never repeats themselves. */
export const ChatDetail = ChatSummary.extend({
  messages: z.array(Message),
  pages: z.array(PageView),
  previous: z.array(Conversation),
  tickets: z.array(TicketSummary),
});
export type ChatDetail = z.infer<typeof ChatDetail>;

export const Inbox = z.object({
  mine: z.array(ChatSummary),
  waiting: z.array(ChatSummary),
  /** Unread messages per chat of `mine`, kept by the server so that a reload keeps them. */
  unread: z.record(z.string(), z.number().int().nonnegative()),
});
export type Inbox = z.infer<typeof Inbox>;

const ChatRef = z.object({ conversationId: ConversationId });
export const InboxRequest = z.object({});
export const SetStatus = z.object({ status: ChosenStatus });
/** The agent is at the console (it saw them type, click or scroll): the server's auto-away waits on. */
export const AgentActive = z.object({});
export const OpenChat = ChatRef;
export const SyncChat = ChatRef.extend({ after: MessageId.nullable() });
export const AgentSend = ChatRef.extend({
  clientMsgId: ClientMsgId,
  text: CaptionText,
  /** An internal note: agents see it, the visitor never does. */
  internal: z.boolean().default(false),
  attachments: AttachmentIds.optional(),
}).refine(hasTextOrFiles, { error: 'message is empty', path: ['text'] });
export type AgentSend = z.infer<typeof AgentSend>;
export const AgentTyping = ChatRef.extend({ typing: z.boolean() });
export const Resolve = ChatRef;
export const FollowUp = ChatRef.extend({ note: z.string().trim().max(1000).default('') });
export const Transfer = ChatRef.extend({
  level: Level.optional(),
  skill: Skill.optional(),
  note: z.string().trim().min(1, 'a transfer needs a note').max(1000),
  /** Required when the chat was transferred before. */
  reason: z.string().trim().max(500).optional(),
});
export type Transfer = z.infer<typeof Transfer>;
export const Pick = ChatRef;
/** The agent has read the chat (up to `upTo`, the last message it shows): its unread count goes back to 0. */
export const MarkRead = ChatRef.extend({ upTo: MessageId.optional() });
/** Supervisors: every open chat of one of their sites. */
export const AllChatsRequest = z.object({ siteId: SiteId });
/** Supervisors: give an assigned chat to a named agent, or to themselves when none is named. */
export const TakeOver = ChatRef.extend({ agentId: AgentId.optional() });
export type TakeOver = z.infer<typeof TakeOver>;
/** The console has a chat open (or closed it): others see who is looking, and it hears the chat live. */
export const WatchChat = ChatRef.extend({ watching: z.boolean() });
/** The inbox asks about the chats it lists: their SLA clocks and who else has them open. */
export const GlanceRequest = z.object({ conversationIds: z.array(ConversationId).max(100) });
export const InboxGlance = z.object({
  clocks: z.record(z.string(), z.array(SlaClock)),
  viewers: z.record(z.string(), z.array(AgentRef)),
});
export type InboxGlance = z.infer<typeof InboxGlance>;

export interface AgentClientEvents {
  'agent:status': (p: z.infer<typeof SetStatus>, ack: AckFn<{ status: AgentStatus }>) => void;
  'agent:active': (p: Record<string, never>, ack?: AckFn) => void;
  'inbox:get': (p: Record<string, never>, ack: AckFn<Inbox>) => void;
  'chat:open': (p: z.infer<typeof OpenChat>, ack: AckFn<{ chat: ChatDetail }>) => void;
  'chat:sync': (p: z.infer<typeof SyncChat>, ack: AckFn<{ messages: Message[] }>) => void;
  'chat:send': (p: z.input<typeof AgentSend>, ack: AckFn<{ message: Message }>) => void;
  'chat:typing': (p: z.infer<typeof AgentTyping>, ack?: AckFn) => void;
  'chat:resolve': (p: z.infer<typeof Resolve>, ack: AckFn<{ conversation: Conversation }>) => void;
  'chat:followup': (
    p: z.input<typeof FollowUp>,
    ack: AckFn<{ conversation: Conversation; ticket: TicketSummary }>,
  ) => void;
  'chat:transfer': (p: z.infer<typeof Transfer>, ack: AckFn<{ conversation: Conversation }>) => void;
  'chat:pick': (p: z.infer<typeof Pick>, ack: AckFn<{ conversation: Conversation }>) => void;
  'chat:read': (p: z.infer<typeof MarkRead>, ack?: AckFn) => void;
  /** New signed links for a file of one of the agent's sites. */
  'file:link': (p: FileLinkRequest, ack: AckFn<FileLinkReply>) => void;
  'chats:all': (p: z.infer<typeof AllChatsRequest>, ack: AckFn<AllChats>) => void;
  'chat:takeover': (p: TakeOver, ack: AckFn<{ conversation: Conversation }>) => void;
  'chat:watch': (p: z.infer<typeof WatchChat>, ack?: AckFn<ChatViewers>) => void;
  'chats:glance': (p: z.infer<typeof GlanceRequest>, ack: AckFn<InboxGlance>) => void;
}

export interface AgentServerEvents {
  /** The agent's presence, sent once the connection is set up and whenever it changes. */
  'agent:status': (p: { status: AgentStatus }) => void;
  /** A chat was given to this agent (claim, pick or transfer). */
  'chat:assigned': (c: ChatSummary) => void;
  /** One of this agent's chats changed state (resolved, ticketed, visitor left...). */
  'chat:update': (c: ChatSummary) => void;
  /** The chat is no longer this agent's (transferred away, re-queued). */
  'chat:removed': (p: { conversationId: string }) => void;
  'message:new': (m: Message) => void;
  /** The waiting lines this agent can see changed. */
  'queue:update': (p: { waiting: ChatSummary[] }) => void;
  typing: (p: { conversationId: string; typing: boolean }) => void;
  /** The visitor has seen the chat up to this message. */
  'chat:seen': (p: { conversationId: string; upTo: string }) => void;
  /** Supervisors and admins: the live board of their site changed. */
  'board:update': (p: { siteId: string; board: Board }) => void;
  /** An admin added, changed or removed a canned reply: the site's replies as they are now. */
  'canned:update': (p: { siteId: string; replies: CannedReply[] }) => void;
  /** An admin saved the site's settings: the skill catalogue as it is now. */
  'site:skills': (p: { siteId: string; skillNames: SkillNames }) => void;
  /** Supervisors and admins: the site's open chats changed. */
  'chats:update': (p: AllChats) => void;
  /** Who has this chat open, sent to everyone looking at it and to its agent. */
  'chat:viewers': (p: ChatViewers) => void;
  /** A ticket of this agent (or, unassigned, of their site) got an email from its visitor. */
  'ticket:email': (p: TicketEmailNotice) => void;
}
