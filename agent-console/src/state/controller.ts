import { createResync, isCurrent, request as send, sendInOrder } from '@cascade/client-core';
import type {
  AgentClientEvents,
  AllChats,
  AttachmentLink,
  Board,
  CannedReply,
  ChatDetail,
  ChatViewers,
  InboxGlance,
  Level,
  Me,
  Message,
  Skill,
  SkillNames,
  TicketEmailNotice,
  TicketSummary,
} from '@cascade/shared';
import { announceSetupRequired } from '../api/second-factor.ts';
import { newClientMsgId } from '../logic/client-msg-id.ts';
import { canPick } from '../logic/pickable.ts';
import { idleSignal, onKeystroke, onStop, TYPING_IDLE_MS, type TypingSignal } from '../logic/typing-signal.ts';
import { needsAttention } from '../logic/unread.ts';
import { newlyWaiting } from '../logic/waiting.ts';
import type { AgentSocket } from '../socket/agent-socket.ts';
import { request, RequestError } from '../socket/request.ts';
import { isActive, nextToSend, type Action, type ChosenStatus, type ConsoleState } from './console-state.ts';
import type { PendingMessage } from './chat-state.ts';
import { readReceipts } from './read-receipts.ts';
import { storageKeys, type KeyValue } from './storage.ts';
import type { Store } from './store.ts';
import { knownVisitorName, shortVisitorTag } from '../logic/visitor-name.ts';

export type ConsoleStore = Store<ConsoleState, Action>;

export interface ControllerEnv {
  me: Me;
  /** The console window is visible and focused, so a selected chat is being read. */
  isFocused(): boolean;
  /**
   * Plays the alert sound (the caller decides whether it is muted) and, in a hidden tab, shows
   * `body` as a desktop notification.
   */
  alert(body: string): void;
  session: KeyValue;
  preferences: KeyValue;
  /** True when the session cookie is still valid. */
  checkSession(): Promise<boolean>;
  onSignedOut(): void;
}

export interface TransferInput {
  level?: Level;
  skill?: Skill;
  note: string;
  reason?: string;
}

export interface ConsoleController {
  start: () => void;
  stop: () => void;
  select: (conversationId: string | null) => void;
  /** Queues a message; one with files comes from the uploader, which chose its clientMsgId already. */
  send: (
    conversationId: string,
    text: string,
    internal: boolean,
    attachments?: AttachmentLink[],
    clientMsgId?: string,
  ) => void;
  retry: (conversationId: string, clientMsgId: string) => void;
  discard: (conversationId: string, clientMsgId: string) => void;
  /** Called on every edit of the reply box (not of internal notes): tells the visitor, throttled. */
  typing: (conversationId: string, text: string) => void;
  stopTyping: (conversationId: string) => void;
  resolve: (conversationId: string) => Promise<void>;
  followUp: (conversationId: string, note: string) => Promise<TicketSummary>;
  transfer: (conversationId: string, input: TransferInput) => Promise<void>;
  pick: (conversationId: string) => Promise<void>;
  close: (conversationId: string) => void;
  setStatus: (status: ChosenStatus) => void;
  /** No activity for the site's idle time: an available agent becomes away, and is told why. */
  idle: () => void;
  /** The agent is at the console: the server's auto-away waits on. */
  active: () => void;
  dismissNotice: () => void;
  /** Live boards pushed to supervisors and admins; returns the unsubscribe. */
  onBoard: (listener: (update: BoardUpdate) => void) => () => void;
  /** A site's canned replies after an admin changed them; returns the unsubscribe. */
  onCanned: (listener: (update: { siteId: string; replies: CannedReply[] }) => void) => () => void;
  onSkillNames: (listener: (update: { siteId: string; skillNames: SkillNames }) => void) => () => void;
  /** Supervisors: every open chat of the site, then each change pushed (`onChats`). */
  listChats: (siteId: string) => Promise<AllChats>;
  onChats: (listener: (list: AllChats) => void) => () => void;
  /** Says this tab has a chat open (or no longer); answers who is looking at it. */
  watch: (conversationId: string, watching: boolean) => Promise<ChatViewers>;
  onViewers: (listener: (viewers: ChatViewers) => void) => () => void;
  /** The SLA clocks of chats and who has each open, for the inbox's rows. */
  glance: (conversationIds: string[]) => Promise<InboxGlance>;
  /** Every message pushed, including those of chats monitored but not held. */
  onMessage: (listener: (message: Message) => void) => () => void;
  /** An internal note to a chat's agent, from a supervisor who does not hold the chat. */
  whisper: (conversationId: string, text: string) => Promise<Message>;
  /** Gives an assigned chat to `agentId`, or to this supervisor when none is named. */
  takeOver: (conversationId: string, agentId?: string) => Promise<void>;
  /** Emails that reached a ticket, for a ticket page open on it; returns the unsubscribe. */
  onTicketEmail: (listener: (notice: TicketEmailNotice) => void) => () => void;
  /** A chat read without opening a tab for it: a past conversation's visitor and their other chats. */
  read: (conversationId: string) => Promise<ChatDetail>;
  /** Fresh signed links for a file whose links expired; null when the server refused. */
  fileLink: (fileId: string) => Promise<AttachmentLink | null>;
}

export interface BoardUpdate {
  siteId: string;
  board: Board;
}

const SEND_TIMEOUT_MS = 15_000;
/** The visitor's "typing" fades if their "stopped" never arrives (e.g. they closed the tab). */
const VISITOR_TYPING_MS = 8_000;

/** The shell around the console state: socket events in, requests out, timers and alerts. */
export function createConsoleController(
  socket: AgentSocket,
  store: ConsoleStore,
  env: ControllerEnv,
): ConsoleController {
  const myId = env.me.agent.id;
  const { dispatch, getState } = store;
  const typingSignals = new Map<string, TypingSignal>();
  const typingIdle = new Map<string, ReturnType<typeof setTimeout>>();
  const visitorTyping = new Map<string, ReturnType<typeof setTimeout>>();
  /** Chats this agent picked or is transferring: their own events need no alert or notice. */
  const picking = new Set<string>();
  const transferring = new Set<string>();
  let restoredSelection = false;
  let unsubscribe: (() => void) | null = null;
  const receipts = readReceipts((conversationId) => {
    if (!socket.connected) return false;
    // Up to the last stored message the console shows: that is what the visitor learns was seen.
    const upTo = getState().chats[conversationId]?.messages.at(-1)?.id;
    socket.emit('chat:read', upTo ? { conversationId, upTo } : { conversationId });
    return true;
  });

  const beingRead = (id: string) => getState().selected === id && env.isFocused();
  const failNotice = (error: unknown) =>
    dispatch({
      type: 'notice',
      notice: { key: 'actions.failed', params: { message: errorMessage(error) }, tone: 'error' },
    });

  /** A status chosen while disconnected, told to the server once connected (it would otherwise restore the old one). */
  let unsentStatus: ChosenStatus | null = null;
  function chooseStatus(status: ChosenStatus): void {
    dispatch({ type: 'status', status });
    env.preferences.set(storageKeys.status, status);
    unsentStatus = socket.connected ? null : status;
    if (socket.connected) request(socket, 'agent:status', { status }).catch(failNotice);
  }

  async function resync(): Promise<void> {
    dispatch({ type: 'connection', connection: 'online' });
    try {
      const { mine, waiting, unread } = await request(socket, 'inbox:get', {});
      for (const [id, count] of Object.entries(unread)) if (count > 0) receipts.owe(id);
      dispatch({ type: 'inbox', inbox: { mine, waiting, unread } });
      if (!restoredSelection) {
        restoredSelection = true;
        const remembered = env.session.get(storageKeys.selected);
        const state = getState();
        dispatch({
          type: 'select',
          conversationId: remembered && state.chats[remembered] ? remembered : (state.order[0] ?? null),
          keepUnread: !env.isFocused(),
        });
      }
      await Promise.all(getState().order.map(refresh));
      resendAll();
      receipts.check(getState());
    } catch (error) {
      failNotice(error);
    }
  }

  /**
   * Each chat's transcript without holes: a reconnect, or a push whose `prev` is not the last id
   * held contiguously, fetches from that id (not from the newest held, which a push on the new
   * socket may already be).
   */
  const transcripts = createResync<Message>({
    async fetch(id, after) {
      const reply = await send<AgentClientEvents, 'chat:sync'>(socket, 'chat:sync', { conversationId: id, after });
      if (reply.ok) return reply.messages;
      failNotice(new RequestError(reply.error.code, reply.error.message));
      return null;
    },
    take: (id, messages) =>
      dispatch({
        type: 'synced',
        conversationId: id,
        messages: [...messages],
        myAgentId: myId,
        beingRead: beingRead(id),
      }),
  });

  async function refresh(id: string): Promise<void> {
    const chat = getState().chats[id];
    if (!chat) return;
    if (chat.context === null) return openChat(id);
    if (isActive(chat)) await transcripts.sync(id);
  }

  async function openChat(id: string): Promise<void> {
    try {
      const { chat } = await request(socket, 'chat:open', { conversationId: id });
      transcripts.synced(id, null, chat.messages);
      dispatch({ type: 'opened', detail: chat });
    } catch (error) {
      if (error instanceof RequestError && (error.code === 'not_found' || error.code === 'forbidden')) {
        dispatch({ type: 'removed', conversationId: id });
      } else {
        failNotice(error);
      }
    }
  }

  /**
   * Each chat's outbox in order, one message at a time; after a reconnect what waited goes first.
   * While offline a message waits in the outbox; the reconnect sends it once, not twice.
   */
  const deliver = sendInOrder(
    (id) => (socket.connected ? nextToSend(getState().chats[id]?.outbox ?? []) : undefined),
    async (id, pending: PendingMessage) => {
      const reply = await send<AgentClientEvents, 'chat:send'>(
        socket,
        'chat:send',
        {
          conversationId: id,
          clientMsgId: pending.clientMsgId,
          text: pending.text,
          internal: pending.internal,
          attachments: pending.attachments?.map((a) => a.id),
        },
        SEND_TIMEOUT_MS,
      );
      if (reply.ok) {
        dispatch({
          type: 'synced',
          conversationId: id,
          messages: [reply.message],
          myAgentId: myId,
          beingRead: beingRead(id),
        });
        return true;
      }
      if (!socket.connected) return false;
      dispatch({
        type: 'sendFailed',
        conversationId: id,
        clientMsgId: pending.clientMsgId,
        error: reply.error.message,
      });
      return true;
    },
  );

  function resendAll(): void {
    for (const id of Object.keys(getState().chats)) void deliver(id);
  }

  function stopTyping(id: string): void {
    clearTimeout(typingIdle.get(id));
    typingIdle.delete(id);
    const { signal, send } = onStop(typingSignals.get(id) ?? idleSignal);
    typingSignals.set(id, signal);
    if (send && socket.connected) socket.emit('chat:typing', { conversationId: id, typing: false });
  }

  function persistSelection(): void {
    if (!restoredSelection) return;
    const selected = getState().selected;
    if (env.session.get(storageKeys.selected) !== selected) env.session.set(storageKeys.selected, selected);
  }

  function bind(): void {
    socket.on('connect', () => {
      if (unsentStatus) chooseStatus(unsentStatus);
      void resync();
    });
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'connection', connection: 'offline' });
      // The server closed this socket itself: usually the session ended (logout elsewhere).
      if (reason === 'io server disconnect') {
        void env.checkSession().then((valid) => (valid ? socket.connect() : env.onSignedOut()));
      }
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized' || error.message === 'forbidden') env.onSignedOut();
      else if (error.message === 'second_factor_setup_required') announceSetupRequired();
      else dispatch({ type: 'connection', connection: 'offline' });
    });
    socket.on('chat:assigned', (chat) => {
      const id = chat.conversation.id;
      const ownPick = picking.delete(id);
      receipts.owe(id);
      dispatch({ type: 'assigned', chat, focused: env.isFocused() });
      if (!ownPick) env.alert(knownVisitorName(chat.visitor) ?? `#${shortVisitorTag(chat.visitor.id)}`);
      void openChat(id);
    });
    socket.on('agent:status', ({ status }) => {
      if (status !== 'offline') dispatch({ type: 'status', status });
    });
    socket.on('chat:update', (chat) => {
      // A summary made before a change the console already knows (an older version) is stale.
      const held = getState().chats[chat.conversation.id]?.summary.conversation ?? null;
      if (isCurrent(held, chat.conversation)) dispatch({ type: 'updated', chat });
    });
    socket.on('chat:removed', ({ conversationId }) => {
      const chat = getState().chats[conversationId];
      dispatch({ type: 'removed', conversationId });
      if (chat && !transferring.has(conversationId)) {
        dispatch({ type: 'notice', notice: { key: 'chat.removed', visitor: chat.summary.visitor, tone: 'info' } });
      }
    });
    socket.on('message:new', (message) => {
      const id = message.conversationId;
      const held = getState().chats[id];
      const read = beingRead(id);
      const isNew = held !== undefined && !held.messages.some((m) => m.id === message.id);
      if (needsAttention(message, myId)) receipts.owe(id);
      dispatch({ type: 'message', message, myAgentId: myId, beingRead: read });
      // A chat not opened yet gets its whole transcript when it opens.
      if (held?.context) transcripts.pushed(message);
      if (isNew && !read && needsAttention(message, myId)) env.alert(message.text);
    });
    socket.on('queue:update', ({ waiting }) => {
      const state = getState();
      const fresh = new Set(newlyWaiting(state.waiting, waiting));
      dispatch({ type: 'waiting', waiting });
      const pickable = waiting.some((c) => fresh.has(c.conversation.id) && canPick(env.me.agent, c.conversation));
      if (pickable && state.status === 'online')
        env.alert(waiting.map((c) => knownVisitorName(c.visitor) ?? `#${shortVisitorTag(c.visitor.id)}`).join(', '));
    });
    socket.on('ticket:email', (n) => {
      const key = n.held ? 'notice.ticketEmailHeld' : 'notice.ticketEmail';
      dispatch({ type: 'notice', notice: { key, params: { number: n.number, from: n.from }, tone: 'info' } });
      env.alert(`#${n.number} ${n.from}`);
    });
    socket.on('chat:seen', ({ conversationId, upTo }) => dispatch({ type: 'visitorSeen', conversationId, upTo }));
    socket.on('typing', ({ conversationId, typing }) => {
      clearTimeout(visitorTyping.get(conversationId));
      dispatch({ type: 'visitorTyping', conversationId, typing });
      if (typing) {
        visitorTyping.set(
          conversationId,
          setTimeout(() => dispatch({ type: 'visitorTyping', conversationId, typing: false }), VISITOR_TYPING_MS),
        );
      }
    });
  }

  return {
    start() {
      unsubscribe = store.subscribe(() => {
        persistSelection();
        receipts.check(getState());
      });
      bind();
      socket.connect();
    },
    stop() {
      unsubscribe?.();
      socket.removeAllListeners();
      socket.disconnect();
      for (const timer of [...typingIdle.values(), ...visitorTyping.values()]) clearTimeout(timer);
    },
    select(conversationId) {
      dispatch({ type: 'select', conversationId });
    },
    send(conversationId, text, internal, attachments, clientMsgId = newClientMsgId()) {
      const pending: PendingMessage = {
        clientMsgId,
        text,
        attachments,
        internal,
        createdAt: Date.now(),
        error: null,
      };
      dispatch({ type: 'pending', conversationId, pending });
      stopTyping(conversationId);
      void deliver(conversationId);
    },
    retry(conversationId, clientMsgId) {
      dispatch({ type: 'retrying', conversationId, clientMsgId });
      void deliver(conversationId);
    },
    discard(conversationId, clientMsgId) {
      dispatch({ type: 'discard', conversationId, clientMsgId });
    },
    typing(conversationId, text) {
      if (text.trim() === '') {
        stopTyping(conversationId);
        return;
      }
      const { signal, send } = onKeystroke(typingSignals.get(conversationId) ?? idleSignal, Date.now());
      typingSignals.set(conversationId, signal);
      if (send && socket.connected) socket.emit('chat:typing', { conversationId, typing: true });
      clearTimeout(typingIdle.get(conversationId));
      typingIdle.set(
        conversationId,
        setTimeout(() => stopTyping(conversationId), TYPING_IDLE_MS),
      );
    },
    stopTyping,
    async resolve(conversationId) {
      try {
        stopTyping(conversationId);
        const { conversation } = await request(socket, 'chat:resolve', { conversationId });
        dispatch({ type: 'conversation', conversation });
      } catch (error) {
        failNotice(error);
      }
    },
    async followUp(conversationId, note) {
      stopTyping(conversationId);
      const { conversation, ticket } = await request(socket, 'chat:followup', { conversationId, note });
      dispatch({ type: 'conversation', conversation, ticket });
      dispatch({
        type: 'notice',
        notice: {
          key: ticket.visitor.email ? 'followup.created' : 'followup.createdNoContact',
          params: { number: ticket.number },
          tone: 'info',
        },
      });
      return ticket;
    },
    async transfer(conversationId, input) {
      const chat = getState().chats[conversationId];
      transferring.add(conversationId);
      try {
        stopTyping(conversationId);
        await request(socket, 'chat:transfer', { conversationId, ...input });
        dispatch({ type: 'removed', conversationId });
        if (chat)
          dispatch({
            type: 'notice',
            notice: { key: 'chat.transferred', visitor: chat.summary.visitor, tone: 'info' },
          });
      } finally {
        transferring.delete(conversationId);
      }
    },
    async pick(conversationId) {
      picking.add(conversationId);
      try {
        await request(socket, 'chat:pick', { conversationId });
        await openChat(conversationId);
        dispatch({ type: 'select', conversationId });
      } catch (error) {
        picking.delete(conversationId);
        failNotice(error);
      }
    },
    close(conversationId) {
      dispatch({ type: 'close', conversationId });
    },
    setStatus: chooseStatus,
    idle() {
      if (getState().status !== 'online') return;
      chooseStatus('away');
      dispatch({ type: 'notice', notice: { key: 'status.autoAway', tone: 'info' } });
    },
    active() {
      if (socket.connected) request(socket, 'agent:active', {}).catch(() => undefined);
    },
    dismissNotice() {
      dispatch({ type: 'notice', notice: null });
    },
    onBoard(listener) {
      socket.on('board:update', listener);
      return () => socket.off('board:update', listener);
    },
    onCanned(listener) {
      socket.on('canned:update', listener);
      return () => socket.off('canned:update', listener);
    },
    onSkillNames(listener) {
      socket.on('site:skills', listener);
      return () => socket.off('site:skills', listener);
    },
    listChats: (siteId) => request(socket, 'chats:all', { siteId }),
    onChats(listener) {
      socket.on('chats:update', listener);
      return () => socket.off('chats:update', listener);
    },
    watch: (conversationId, watching) => request(socket, 'chat:watch', { conversationId, watching }),
    onViewers(listener) {
      socket.on('chat:viewers', listener);
      return () => socket.off('chat:viewers', listener);
    },
    glance: (conversationIds) => request(socket, 'chats:glance', { conversationIds }),
    onMessage(listener) {
      socket.on('message:new', listener);
      return () => socket.off('message:new', listener);
    },
    async whisper(conversationId, text) {
      const { message } = await request(socket, 'chat:send', {
        conversationId,
        clientMsgId: newClientMsgId(),
        text,
        internal: true,
      });
      return message;
    },
    async takeOver(conversationId, agentId) {
      await request(socket, 'chat:takeover', agentId ? { conversationId, agentId } : { conversationId });
    },
    onTicketEmail(listener) {
      socket.on('ticket:email', listener);
      return () => socket.off('ticket:email', listener);
    },
    async read(conversationId) {
      const { chat } = await request(socket, 'chat:open', { conversationId });
      return chat;
    },
    async fileLink(fileId) {
      const reply = await send<AgentClientEvents, 'file:link'>(socket, 'file:link', { fileId });
      return reply.ok ? reply.file : null;
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
