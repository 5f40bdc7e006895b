import type { ConversationState, ConversationView, VisitorMessage as Message } from '@cascade/shared';
import { compareIds } from '@cascade/client-core';
import type { Outbox, OutboxItem } from './outbox.ts';
import type { ChatState } from './state.ts';

/** One row of the conversation as the visitor sees it: stored, or still in the outbox. */
export type Entry = { kind: 'message'; message: Message } | { kind: 'pending'; item: OutboxItem };

/** Stored messages in stream order, then what is still waiting to be sent, in the order written. */
export const timeline = (messages: readonly Message[], outbox: Outbox): Entry[] => [
  ...messages.map((message) => ({ kind: 'message' as const, message })),
  ...outbox.map((item) => ({ kind: 'pending' as const, item })),
];

const lastSpoken = (messages: readonly Message[]): Message | undefined =>
  messages.findLast((m) => m.author !== 'system');

/** The bot is thinking: its conversation is with the bot and the visitor spoke last. */
export function botTyping(state: Pick<ChatState, 'conversation' | 'messages' | 'outbox'>): boolean {
  return (
    state.conversation?.state === 'bot' && state.outbox.length === 0 && lastSpoken(state.messages)?.author === 'visitor'
  );
}

/** The bot message whose buttons ("That helped", suggestions) still make sense, if any. */
export function actionableBotMessage(state: Pick<ChatState, 'conversation' | 'messages'>): Message | null {
  if (state.conversation?.state !== 'bot') return null;
  const last = lastSpoken(state.messages);
  return last?.author === 'bot' && (last.bot?.kind === 'answer' || last.bot?.kind === 'suggest') ? last : null;
}

const humanReachable: ReadonlySet<ConversationState> = new Set(['bot', 'resolved', 'ticketed', 'abandoned']);

/** "Talk to a person" is offered unless a person is already on the way or there. */
export const canAskForHuman = (conversation: ConversationView | null): boolean =>
  !conversation || humanReachable.has(conversation.state);

/** The message's conversation is the visitor's current one, and it waits for a person. */
export const isWaiting = (conversation: ConversationView | null, m: Pick<Message, 'conversationId'>): boolean =>
  conversation?.id === m.conversationId && ['queued', 'offered_ticket'].includes(conversation.state);

export const isEnded = (conversation: ConversationView | null): boolean =>
  conversation !== null && ['resolved', 'ticketed', 'abandoned'].includes(conversation.state);

/** Bot and agent messages newer than what the visitor has seen with the panel open. */
export function unreadCount(messages: readonly Message[], readUpTo: string | null): number {
  if (readUpTo === null) return 0;
  return messages.filter((m) => (m.author === 'bot' || m.author === 'agent') && compareIds(m.id, readUpTo) > 0).length;
}

const openStates: ReadonlySet<ConversationState> = new Set(['bot', 'queued', 'assigned', 'offered_ticket']);

/** A live conversation or unsent messages: later pages connect at once instead of waiting to be opened. */
export const needsConnection = (state: Pick<ChatState, 'conversation' | 'outbox'>): boolean =>
  state.outbox.length > 0 || (state.conversation !== null && openStates.has(state.conversation.state));

/**
 * Whether the error of a failed action shows under the chat: it happened in the conversation
 * shown (`failedIn`, null before there was one; undefined, nothing failed), and no message of a
 * newer conversation has come in since. The first answer of a new conversation can arrive
 * before the conversation itself does, and the last one's error must not sit under it.
 */
export function errorShown(
  failedIn: string | null | undefined,
  conversation: ConversationView | null,
  messages: readonly Message[],
): boolean {
  if (failedIn === undefined || failedIn !== (conversation?.id ?? null)) return false;
  const newest = messages.at(-1)?.conversationId;
  return failedIn === null || newest === undefined || newest === failedIn;
}
