import { openStates } from '@cascade/shared/constants';
import type {
  AgentStatus,
  ChatDetail,
  ChatSummary,
  Conversation,
  Inbox,
  Message,
  TicketSummary,
  Visitor,
} from '@cascade/shared';
import type { MessageKey } from '../locales/en.ts';
import type { Params } from '../i18n/translator.ts';
import { compareIds, drop, enqueue, outbox } from '@cascade/client-core';
import { nextUnread } from '../logic/unread.ts';
import { newChat, withDetail, withMessages, withSummary, type ChatState, type PendingMessage } from './chat-state.ts';

export const { markFailed, markRetry, nextToSend } = outbox<PendingMessage, 'error'>('error');

export type Connection = 'connecting' | 'online' | 'offline';
export type ChosenStatus = Exclude<AgentStatus, 'offline'>;

export interface Notice {
  key: MessageKey;
  params?: Params;
  /** Named as `{name}` in the message, in the words of the language shown. */
  visitor?: Pick<Visitor, 'id' | 'name' | 'email'>;
  tone: 'info' | 'error';
}

export interface ConsoleState {
  /** The agent's chats by conversation id. */
  chats: Readonly<Record<string, ChatState>>;
  /** Order of "My chats" and of the tabs (Alt+1..9). */
  order: readonly string[];
  waiting: readonly ChatSummary[];
  selected: string | null;
  connection: Connection;
  status: ChosenStatus;
  notice: Notice | null;
}

export function initialState(status: ChosenStatus): ConsoleState {
  return { chats: {}, order: [], waiting: [], selected: null, connection: 'connecting', status, notice: null };
}

/** `beingRead`: the chat is selected and the console window has focus. */
export type Action =
  | { type: 'inbox'; inbox: InboxUpdate }
  | { type: 'assigned'; chat: ChatSummary; focused: boolean }
  | { type: 'updated'; chat: ChatSummary }
  | { type: 'removed'; conversationId: string }
  | { type: 'waiting'; waiting: ChatSummary[] }
  | { type: 'opened'; detail: ChatDetail }
  | { type: 'synced'; conversationId: string; messages: Message[]; myAgentId: string; beingRead: boolean }
  | { type: 'message'; message: Message; myAgentId: string; beingRead: boolean }
  /** `keepUnread`: chosen while the agent is elsewhere (another page), so not read yet. */
  | { type: 'select'; conversationId: string | null; keepUnread?: boolean }
  | { type: 'seen' }
  | { type: 'close'; conversationId: string }
  | { type: 'pending'; conversationId: string; pending: PendingMessage }
  | { type: 'sendFailed'; conversationId: string; clientMsgId: string; error: string }
  | { type: 'retrying'; conversationId: string; clientMsgId: string }
  | { type: 'discard'; conversationId: string; clientMsgId: string }
  | { type: 'visitorTyping'; conversationId: string; typing: boolean }
  | { type: 'visitorSeen'; conversationId: string; upTo: string }
  | { type: 'conversation'; conversation: Conversation; ticket?: TicketSummary }
  | { type: 'connection'; connection: Connection }
  | { type: 'status'; status: ChosenStatus }
  | { type: 'notice'; notice: Notice | null };

export function isActive(chat: ChatState): boolean {
  return openStates.has(chat.summary.conversation.state);
}

export function consoleReducer(state: ConsoleState, action: Action): ConsoleState {
  switch (action.type) {
    case 'inbox':
      return mergeInbox(state, action.inbox);
    case 'assigned': {
      const id = action.chat.conversation.id;
      const current = state.chats[id];
      const chat = current ? withSummary(current, action.chat) : newChat(action.chat);
      // A new chat opens by itself when the agent has none open; then it is read as it arrives.
      const selected = state.selected ?? id;
      const beingRead = action.focused && selected === id;
      return {
        ...state,
        chats: { ...state.chats, [id]: { ...chat, unread: beingRead ? 0 : Math.max(1, chat.unread) } },
        order: state.order.includes(id) ? state.order : [...state.order, id],
        waiting: state.waiting.filter((w) => w.conversation.id !== id),
        selected,
      };
    }
    case 'updated':
      return updateChat(state, action.chat.conversation.id, (chat) => withSummary(chat, action.chat));
    case 'removed':
    case 'close':
      return removeChat(state, action.conversationId);
    case 'waiting':
      return { ...state, waiting: action.waiting.filter((w) => !state.chats[w.conversation.id]) };
    case 'opened': {
      const id = action.detail.conversation.id;
      const chat = withDetail(state.chats[id] ?? newChat(action.detail), action.detail);
      return {
        ...state,
        chats: { ...state.chats, [id]: chat },
        order: state.order.includes(id) ? state.order : [...state.order, id],
        waiting: state.waiting.filter((w) => w.conversation.id !== id),
      };
    }
    case 'synced':
      return updateChat(state, action.conversationId, (chat) =>
        withArrivals(chat, action.messages, action.myAgentId, action.beingRead),
      );
    case 'message':
      return updateChat(state, action.message.conversationId, (chat) =>
        withArrivals(chat, [action.message], action.myAgentId, action.beingRead),
      );
    case 'select': {
      const id = action.conversationId;
      if (id !== null && !state.chats[id]) return state;
      const next = { ...state, selected: id };
      return id === null || action.keepUnread ? next : updateChat(next, id, (chat) => ({ ...chat, unread: 0 }));
    }
    case 'seen':
      return state.selected ? updateChat(state, state.selected, (chat) => ({ ...chat, unread: 0 })) : state;
    case 'pending':
      return updateChat(state, action.conversationId, (chat) => ({
        ...chat,
        outbox: enqueue(chat.outbox, action.pending),
      }));
    case 'sendFailed':
      return updateChat(state, action.conversationId, (chat) => ({
        ...chat,
        outbox: markFailed(chat.outbox, action.clientMsgId, action.error),
      }));
    case 'retrying':
      return updateChat(state, action.conversationId, (chat) => ({
        ...chat,
        outbox: markRetry(chat.outbox, action.clientMsgId),
      }));
    case 'discard':
      return updateChat(state, action.conversationId, (chat) => ({
        ...chat,
        outbox: drop(chat.outbox, action.clientMsgId),
      }));
    case 'visitorTyping':
      return updateChat(state, action.conversationId, (chat) =>
        chat.visitorTyping === action.typing ? chat : { ...chat, visitorTyping: action.typing },
      );
    case 'visitorSeen':
      return updateChat(state, action.conversationId, (chat) => {
        const held = chat.summary.conversation.seenByVisitor;
        if (held && compareIds(held, action.upTo) >= 0) return chat;
        return {
          ...chat,
          summary: { ...chat.summary, conversation: { ...chat.summary.conversation, seenByVisitor: action.upTo } },
        };
      });
    case 'conversation': {
      const { conversation, ticket } = action;
      const next = updateChat(state, conversation.id, (chat) => ({
        ...chat,
        summary: { ...chat.summary, conversation },
        ticket: ticket ?? chat.ticket,
      }));
      return conversation.state === 'queued'
        ? next
        : { ...next, waiting: next.waiting.filter((w) => w.conversation.id !== conversation.id) };
    }
    case 'connection':
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case 'status':
      return state.status === action.status ? state : { ...state, status: action.status };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

/** Messages that arrived live or in a re-sync: stored once, counted as unread once. */
function withArrivals(chat: ChatState, messages: readonly Message[], myAgentId: string, beingRead: boolean): ChatState {
  const known = new Set(chat.messages.map((m) => m.id));
  const fresh = messages.filter((m) => !known.has(m.id));
  const unread = fresh.reduce((n, m) => nextUnread(n, m, myAgentId, beingRead), chat.unread);
  const next = withMessages(chat, messages);
  return unread === next.unread ? next : { ...next, unread };
}

function updateChat(state: ConsoleState, id: string, change: (chat: ChatState) => ChatState): ConsoleState {
  const chat = state.chats[id];
  if (!chat) return state;
  const next = change(chat);
  return next === chat ? state : { ...state, chats: { ...state.chats, [id]: next } };
}

function removeChat(state: ConsoleState, id: string): ConsoleState {
  if (!state.chats[id]) return state;
  const { [id]: _removed, ...chats } = state.chats;
  const index = state.order.indexOf(id);
  const order = state.order.filter((x) => x !== id);
  if (state.selected !== id) return { ...state, chats, order };
  // Selection moves to the neighbouring tab, as closing a browser tab does; the agent now sees it.
  const selected = order[Math.min(index, order.length - 1)] ?? null;
  const next = { ...state, chats, order, selected };
  return selected ? updateChat(next, selected, (chat) => ({ ...chat, unread: 0 })) : next;
}

/**
 * The server's inbox is the truth for active chats; chats that already ended stay until
 * the agent closes them, so a reconnect never hides a ticket number they have not read.
 */
/** The inbox as the server sends it; `unread` is left out where no count is known. */
export type InboxUpdate = Omit<Inbox, 'unread'> & Partial<Pick<Inbox, 'unread'>>;

function mergeInbox(state: ConsoleState, inbox: InboxUpdate): ConsoleState {
  const chats: Record<string, ChatState> = {};
  for (const summary of inbox.mine) {
    const id = summary.conversation.id;
    const current = state.chats[id];
    const chat = current ? withSummary(current, summary) : newChat(summary);
    // The server's count survives a reload; one the console counted live is never lowered by it.
    chats[id] = { ...chat, unread: Math.max(chat.unread, inbox.unread?.[id] ?? 0) };
  }
  for (const [id, chat] of Object.entries(state.chats)) {
    if (!chats[id] && !isActive(chat)) chats[id] = chat;
  }
  const kept = state.order.filter((id) => chats[id]);
  // Newcomers go in the order they were assigned, as live assignments are appended, so tabs keep
  // their place after a reload.
  const arrived = [...inbox.mine]
    .sort((a, b) => assignedOrder(a) - assignedOrder(b))
    .map((c) => c.conversation.id)
    .filter((id) => !kept.includes(id));
  const order = [...kept, ...arrived];
  const selected = state.selected && chats[state.selected] ? state.selected : null;
  const waiting = inbox.waiting.filter((w) => !chats[w.conversation.id]);
  return { ...state, chats, order, selected, waiting };
}

function assignedOrder(chat: ChatSummary): number {
  return chat.conversation.assignedAt ?? chat.conversation.createdAt;
}

export function orderedChats(state: ConsoleState): ChatState[] {
  return state.order.map((id) => state.chats[id]).filter((c): c is ChatState => c !== undefined);
}
