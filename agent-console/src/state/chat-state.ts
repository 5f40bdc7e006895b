import type { AttachmentLink, ChatDetail, ChatSummary, Message, TicketSummary } from '@cascade/shared';
import { mergeMessages, newer, settle } from '@cascade/client-core';

/** A message the agent wrote that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMsgId: string;
  text: string;
  /** Files already uploaded: the message sends their ids, the pending item shows them. */
  attachments?: AttachmentLink[];
  internal: boolean;
  createdAt: number;
  /** Why the server refused it; null while it is in flight or waiting for a reconnect. */
  error: string | null;
}

/** What the chat view shows beside the transcript; loaded with `chat:open`. */
export type ChatContext = Pick<ChatDetail, 'pages' | 'previous' | 'tickets'>;

/** One chat the agent holds, or has just finished and not yet closed. */
export interface ChatState {
  summary: ChatSummary;
  /** null until `chat:open` answers. */
  context: ChatContext | null;
  messages: readonly Message[];
  outbox: readonly PendingMessage[];
  unread: number;
  visitorTyping: boolean;
  /** The ticket this agent created with "Needs follow-up". */
  ticket: TicketSummary | null;
}

export function newChat(summary: ChatSummary): ChatState {
  return {
    summary,
    context: null,
    messages: summary.lastMessage ? [summary.lastMessage] : [],
    outbox: [],
    unread: 0,
    visitorTyping: false,
    ticket: null,
  };
}

/** Takes a fresher summary without losing a newer last message already seen live. */
export function withSummary(chat: ChatState, summary: ChatSummary): ChatState {
  const lastMessage = newer(chat.summary.lastMessage, summary.lastMessage);
  return { ...chat, summary: { ...summary, lastMessage } };
}

/** Adds stored messages: each once, in order; their pending copies leave the outbox. */
export function withMessages(chat: ChatState, messages: readonly Message[]): ChatState {
  if (messages.length === 0) return chat;
  const merged = mergeMessages(chat.messages, messages);
  const visitorSpoke = messages.some((m) => m.author === 'visitor');
  return {
    ...chat,
    messages: merged,
    outbox: settle(chat.outbox, new Set(messages.map((m) => m.clientMsgId))),
    summary: { ...chat.summary, lastMessage: newer(chat.summary.lastMessage, merged.at(-1) ?? null) },
    // A message from the visitor means they stopped typing, even if "stopped" was never received.
    visitorTyping: visitorSpoke ? false : chat.visitorTyping,
  };
}

export function withDetail(chat: ChatState, detail: ChatDetail): ChatState {
  const { messages, pages, previous, tickets, ...summary } = detail;
  return withMessages({ ...withSummary(chat, summary), context: { pages, previous, tickets } }, messages);
}
