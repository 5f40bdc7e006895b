import type {
  ConversationView,
  ErrorCode,
  HelloReply,
  Locale,
  VisitorMessage as Message,
  PublicSiteConfig,
} from '@cascade/shared';
import { isCurrent, lastId, mergeMessages } from '@cascade/client-core';
import { enqueue, markFailed, markRetry, settle, type Outbox, type OutboxItem } from './outbox.ts';

/** idle: no socket yet; connecting: socket up, hello not answered; blocked: the server refuses this site. */
export type Link = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'blocked';

export interface ChatState {
  open: boolean;
  /** The language chosen by the script tag or `setLocale`; null lets the site and browser decide. */
  locale: Locale | null;
  site: PublicSiteConfig | null;
  visitorId: string | null;
  conversation: ConversationView | null;
  messages: readonly Message[];
  outbox: Outbox;
  link: Link;
  agentTyping: boolean;
  /** "Talk to a person" was asked before any conversation existed: escalate once the first message is in. */
  wantHuman: boolean;
  /** Newest message id the visitor has seen with the panel open; later bot/agent messages are unread. */
  readUpTo: string | null;
  /** The site's pre-chat form has nothing to ask (answered, or identified); unknown until hello. */
  preChatDone?: boolean;
  /** The visitor had conversations before this one when the panel connected. */
  earlier?: boolean;
}

export type Action =
  | { type: 'hello'; reply: HelloReply }
  | { type: 'messages'; messages: readonly Message[] }
  | { type: 'conversation'; conversation: ConversationView }
  | { type: 'queued'; item: OutboxItem }
  | { type: 'failed'; clientMsgId: string; code: ErrorCode }
  | { type: 'retry'; clientMsgId: string }
  | { type: 'link'; link: Link }
  | { type: 'agentTyping'; typing: boolean }
  | { type: 'wantHuman'; want: boolean }
  | { type: 'preChatDone' }
  | { type: 'read' }
  | { type: 'site'; site: PublicSiteConfig }
  | { type: 'open'; open: boolean }
  | { type: 'locale'; locale: Locale }
  | { type: 'reset' };

export const initialState: ChatState = {
  open: false,
  locale: null,
  site: null,
  visitorId: null,
  conversation: null,
  messages: [],
  outbox: [],
  link: 'idle',
  agentTyping: false,
  wantHuman: false,
  readUpTo: null,
};

const storedClientIds = (messages: readonly Message[]): ReadonlySet<string> =>
  new Set(messages.flatMap((m) => (m.clientMsgId ? [m.clientMsgId] : [])));

/** A visitor never receives notes; one from a server that sent it anyway is still not shown. */
const isNote = (m: Message): boolean => (m as { internal?: unknown }).internal === true;

function addMessages(state: ChatState, incoming: readonly Message[]): ChatState {
  const messages = mergeMessages(
    state.messages,
    incoming.filter((m) => !isNote(m)),
  );
  const outbox = settle(state.outbox, storedClientIds(incoming));
  const agentSpoke = incoming.some((m) => m.author === 'agent');
  if (messages === state.messages && outbox === state.outbox && !agentSpoke) return state;
  return { ...state, messages, outbox, agentTyping: state.agentTyping && !agentSpoke };
}

export function reduce(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case 'hello': {
      const { reply } = action;
      // A different visitor (new token, or identify as someone else) must not see the last one's chat.
      const switched = state.visitorId !== null && state.visitorId !== reply.visitorId;
      const base = switched ? { ...state, messages: [], readUpTo: null } : state;
      const next = addMessages(base, reply.messages);
      return {
        ...next,
        site: reply.site,
        visitorId: reply.visitorId,
        conversation: reply.conversation,
        preChatDone: reply.preChatDone,
        earlier: reply.earlier,
        // First sight of this conversation: what it already holds is not "new".
        readUpTo: next.readUpTo ?? lastId(next.messages),
      };
    }
    case 'messages':
      return addMessages(state, action.messages);
    case 'conversation':
      // A view made before one already held (a queue announcement overtaken by the claim) is stale.
      if (!isCurrent(state.conversation, action.conversation)) return state;
      return {
        ...state,
        conversation: action.conversation,
        agentTyping: state.agentTyping && action.conversation.state === 'assigned',
      };
    case 'queued':
      return { ...state, outbox: enqueue(state.outbox, action.item) };
    case 'failed':
      return { ...state, outbox: markFailed(state.outbox, action.clientMsgId, action.code) };
    case 'retry':
      return { ...state, outbox: markRetry(state.outbox, action.clientMsgId) };
    case 'link':
      return { ...state, link: action.link };
    case 'agentTyping':
      return { ...state, agentTyping: action.typing };
    case 'wantHuman':
      return { ...state, wantHuman: action.want };
    case 'preChatDone':
      return { ...state, preChatDone: true };
    case 'read': {
      const readUpTo = lastId(state.messages);
      // Unchanged state is returned as is: the panel marks messages read after every render.
      return readUpTo === state.readUpTo ? state : { ...state, readUpTo };
    }
    case 'site':
      return { ...state, site: action.site };
    case 'open':
      return { ...state, open: action.open };
    case 'locale':
      return { ...state, locale: action.locale };
    case 'reset':
      return { ...initialState, locale: state.locale, site: state.site };
  }
}
