import type {
  AttachmentLink,
  ConversationView,
  Locale,
  SetAttributes,
  VisitorMessage as Message,
  VisitorAuth,
  VisitorClientEvents,
  VisitorServerEvents,
} from '@cascade/shared';
import { createResync, REQUEST_TIMEOUT_MS, request as emitRequest, sendInOrder } from '@cascade/client-core';
import { isTransient, nextToSend } from '../outbox.ts';
import { pageOf } from '../pages.ts';
import { createSocket, type Socket } from '../socket/socket.ts';
import type { Transport } from '../socket/transport.ts';
import { websocket } from '../socket/websocket.ts';
import { asksPreChat } from '../prechat.ts';
import type { KeyStore } from '../storage.ts';
import { uuid } from '../uuid.ts';
import type { Store } from './store.ts';

type Requests = VisitorClientEvents;
export type RequestName = keyof Requests;
export type Payload<E extends RequestName> = Parameters<Requests[E]>[0];
export type Reply<E extends RequestName> = Parameters<NonNullable<Parameters<Requests[E]>[1]>>[0];

const PAGE_CHECK_MS = 2_000;

export interface ConnectionOptions {
  /** The folder widget.js came from; the socket lives at its origin, under its path. */
  base: URL;
  siteKey: string;
  store: Store;
  local: KeyStore;
  locale(): Locale;
  onMessage(message: Message): void;
}

export type Connection = ReturnType<typeof createConnection>;

/** The socket to the /visitor namespace: handshake, hello and resync, the outbox, and requests. */
export function createConnection(options: ConnectionOptions) {
  const { base, store, local } = options;
  let identity: string | null = null;
  let socket: Socket<VisitorServerEvents, VisitorClientEvents> | null = null;
  /** True once `hello` is answered: only then are messages sent, so they follow the resync. */
  let ready = false;
  /** Waiting for `ready`: uploads, which need the token that the hello brings. */
  const waiting: (() => void)[] = [];
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let page = pageOf(location.href, document.title);
  /** The page view the server has; a reconnect on the same page is not a new view. */
  let reported: string | null = null;
  /** WebSocket alone until one fails to open; then WebSocket with HTTP long-polling behind it. */
  let transports: readonly Transport[] = [websocket];
  let fallingBack = false;
  /** Attributes from `Cascade('set', …)` the server does not have yet. */
  let attributes: SetAttributes['attributes'] | null = null;
  /** The last seen receipt sent, so each is sent once. */
  let seenSent: string | null = null;

  const dispatch = store.dispatch;

  /** Retries with a growing, jittered delay so a server restart is not met by every visitor at once. */
  function later(run: () => void): void {
    clearTimeout(timer);
    const delay = Math.min(30_000, 1_000 * 2 ** attempts++) * (0.5 + Math.random());
    timer = setTimeout(run, delay);
  }

  function auth(): VisitorAuth {
    const token = local.get('token');
    return {
      siteKey: options.siteKey,
      locale: options.locale(),
      ...(token ? { token } : {}),
      ...(identity ? { identity } : {}),
    };
  }

  /** True once the hello is answered, false if it is not within `ms`. */
  function readyWithin(ms: number): Promise<boolean> {
    if (ready) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timeout = setTimeout(() => resolve(false), ms);
      waiting.push(() => {
        clearTimeout(timeout);
        resolve(true);
      });
    });
  }

  /**
   * Only `hello` goes before the hello is answered, so everything else follows the resync. A
   * request made meanwhile waits for it: on a slow network a visitor can answer the pre-chat form
   * before the socket is up, and that is no reason to fail.
   */
  async function request<E extends RequestName>(event: E, payload: Payload<E>): Promise<Reply<E>> {
    if (event !== 'hello' && !ready) await readyWithin(REQUEST_TIMEOUT_MS);
    return emitRequest<Requests, E>(ready || event === 'hello' ? socket : null, event, payload);
  }

  /** Fetches exactly what a push shows is missing: the messages after the last one held without a hole. */
  const resync = createResync<Message>({
    async fetch(_id, after) {
      const reply = await request('messages:sync', { after });
      return reply.ok ? reply.messages : null;
    },
    take: (_id, messages) => dispatch({ type: 'messages', messages }),
  });

  /** Sends a request whose reply may carry the conversation; false when it failed. */
  async function act<E extends RequestName>(event: E, payload: Payload<E>): Promise<boolean> {
    const reply = await request(event, payload);
    if (!reply.ok) return false;
    const conversation = (reply as { conversation?: ConversationView }).conversation;
    if (conversation) dispatch({ type: 'conversation', conversation });
    return true;
  }

  async function hello(): Promise<void> {
    const current = page;
    const held = store.getState().conversation?.id;
    const after = held ? resync.cursor(held) : null;
    const reply = await request('hello', { after, page: reported === current.url ? null : current });
    if (!socket?.connected) return;
    if (!reply.ok) {
      socket.disconnect();
      later(() => socket?.connect());
      return;
    }
    local.set('token', reply.token);
    attempts = 0;
    const id = reply.conversation?.id;
    if (id) resync.synced(id, id === held ? after : null, reply.messages);
    dispatch({ type: 'hello', reply });
    ready = true;
    for (const go of waiting.splice(0)) go();
    dispatch({ type: 'link', link: 'online' });
    reported = current.url;
    sendAttributes();
    void flush();
  }

  /** Sends the attributes from `Cascade('set', …)` once hello is answered; the server checks them. */
  function sendAttributes(): void {
    if (!ready || !attributes) return;
    socket?.emit('attributes:set', { attributes });
    attributes = null;
  }

  function setAttributes(patch: SetAttributes['attributes']): void {
    attributes = { ...attributes, ...patch };
    sendAttributes();
  }

  // What the visitor has read with the panel open is seen: the agent holding the chat is told.
  store.subscribe(() => {
    const { open, readUpTo, conversation } = store.getState();
    if (!ready || !open || !readUpTo || readUpTo === seenSent || conversation?.state !== 'assigned') return;
    seenSent = readUpTo;
    socket?.emit('messages:seen', { upTo: readUpTo });
  });

  /** Sends the outbox oldest first, one at a time, so the server stores messages in the order written. */
  const flushOutbox = sendInOrder(
    () => (ready ? nextToSend(store.getState().outbox) : undefined),
    async (_key, item) => {
      const reply = await request('message:send', {
        clientMsgId: item.clientMsgId,
        text: item.text,
        attachments: item.attachments?.map((a) => a.id),
      });
      if (reply.ok) {
        dispatch({ type: 'messages', messages: [reply.message] });
        // Pushes are newer than an ack's snapshot, so the ack only introduces a new conversation.
        if (store.getState().conversation?.id !== reply.conversation.id) {
          dispatch({ type: 'conversation', conversation: reply.conversation });
        }
        if (store.getState().wantHuman) void escalate();
      } else if (isTransient(reply.error.code)) {
        if (ready) later(() => void flush());
        return false;
      } else {
        dispatch({ type: 'failed', clientMsgId: item.clientMsgId, code: reply.error.code });
      }
      return true;
    },
  );
  const flush = (): Promise<void> => flushOutbox('');

  function refused(error: Error): void {
    const code = error.message;
    if (code === 'unknown_site' || code === 'origin_not_allowed') {
      dispatch({ type: 'link', link: 'blocked' });
      return;
    }
    // A network failure: the socket keeps trying by itself, with long-polling from the next attempt.
    if (socket?.active) return fallBack();
    // The server refused the handshake: drop what it did not accept, then try again later.
    if (code === 'invalid_payload') local.set('token', null);
    if (code === 'identity_invalid') identity = null;
    later(() => socket?.connect());
  }

  /** Loads the long-polling transport once, for the reconnects that follow a failed WebSocket. */
  function fallBack(): void {
    if (fallingBack) return;
    fallingBack = true;
    import('../socket/long-polling.ts').then(
      (chunk) => {
        transports = [websocket, chunk.polling];
        if (socket) socket.transports = transports;
      },
      () => (fallingBack = false),
    );
  }

  function start(): void {
    if (socket) return;
    dispatch({ type: 'link', link: 'connecting' });
    const s = createSocket<VisitorServerEvents, VisitorClientEvents>({
      url: `${base.origin}${base.pathname}socket.io/?EIO=4`,
      nsp: '/visitor',
      // Each attempt tries the next transport when one fails, so WebSocket stays the first choice.
      transports,
      // A function, so every reconnect sends the newest token and identity.
      auth,
    });
    socket = s;
    s.on('connect', () => void hello());
    s.on('connect_error', refused);
    s.on('disconnect', (reason) => {
      ready = false;
      if (reason === 'io client disconnect') return;
      dispatch({ type: 'link', link: 'reconnecting' });
      if (reason === 'io server disconnect') later(() => socket?.connect());
    });
    s.on('message:new', (message) => {
      dispatch({ type: 'messages', messages: [message] });
      resync.pushed(message);
      options.onMessage(message);
    });
    s.on('conversation:update', (conversation) => dispatch({ type: 'conversation', conversation }));
    s.on('typing', ({ typing }) => dispatch({ type: 'agentTyping', typing }));
    s.connect();
  }

  /** Resolves once the hello is answered, at once if it is: the visitor's token is known then. */
  function online(): Promise<void> {
    start();
    return ready ? Promise.resolve() : new Promise((go) => waiting.push(go));
  }

  /** Queues a message; one with files comes from the uploader, which chose its clientMsgId already. */
  function send(text: string, attachments?: AttachmentLink[], clientMsgId = uuid()): void {
    dispatch({ type: 'queued', item: { clientMsgId, text, attachments, ts: Date.now(), failed: null } });
    start();
    void flush();
  }

  function retry(clientMsgId: string): void {
    dispatch({ type: 'retry', clientMsgId });
    void flush();
  }

  /** "Talk to a person": escalates the conversation, or the one the next message starts. */
  async function escalate(): Promise<boolean> {
    const state = store.getState();
    const conversation = state.conversation;
    // The pre-chat form comes first; answering it asks again.
    if (conversation?.state !== 'bot' || asksPreChat({ ...state, wantHuman: true })) {
      dispatch({ type: 'wantHuman', want: true });
      return true;
    }
    dispatch({ type: 'wantHuman', want: false });
    return act('conversation:escalate', {});
  }

  function preChatAnswered(): void {
    dispatch({ type: 'preChatDone' });
    if (store.getState().wantHuman) void escalate();
  }

  function typing(on: boolean): void {
    const state = store.getState().conversation?.state;
    if (ready && (state === 'queued' || state === 'assigned')) socket?.emit('typing', { typing: on });
  }

  function identify(token: string): void {
    identity = token;
    // Reconnect so the server sees the identity in the handshake; hello then resyncs.
    if (socket) socket.disconnect().connect();
  }

  function setLocale(locale: Locale): void {
    if (ready) socket?.emit('locale:set', { locale });
  }

  /** Reports page views; single-page apps change the URL without a load, so it is checked now and then. */
  function watchPages(): void {
    setInterval(() => {
      page = pageOf(location.href, document.title);
      if (!ready || page.url === reported) return;
      reported = page.url;
      socket?.emit('page:view', page);
    }, PAGE_CHECK_MS);
  }

  function stop(): void {
    clearTimeout(timer);
    ready = false;
    identity = null;
    attempts = 0;
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = null;
  }

  return {
    start,
    stop,
    send,
    retry,
    request,
    act,
    escalate,
    preChatAnswered,
    typing,
    identify,
    setLocale,
    setAttributes,
    watchPages,
    online,
    base,
    local,
  };
}
