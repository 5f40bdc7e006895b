import type {
  ConversationView,
  Fail,
  Locale,
  VisitorMessage as Message,
  VisitorAuth,
  VisitorClientEvents,
  VisitorServerEvents,
} from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import { lastId } from '../merge.ts';
import { isTransient, nextToSend } from '../outbox.ts';
import { pageOf } from '../pages.ts';
import type { KeyStore } from '../storage.ts';
import { uuid } from '../uuid.ts';
import type { Store } from './store.ts';

type Requests = VisitorClientEvents;
export type RequestName = keyof Requests;
export type Payload<E extends RequestName> = Parameters<Requests[E]>[0];
export type Reply<E extends RequestName> = Parameters<NonNullable<Parameters<Requests[E]>[1]>>[0];

const ACK_TIMEOUT_MS = 10_000;
const PAGE_CHECK_MS = 2_000;
const offline: Fail = { ok: false, error: { code: 'unavailable', message: 'not connected' } };

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
  let flushing = false;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let page = pageOf(location.href, document.title);
  /** The page view the server has; a reconnect on the same page is not a new view. */
  let reported: string | null = null;

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

  function request<E extends RequestName>(event: E, payload: Payload<E>): Promise<Reply<E>> {
    const s = socket;
    if (!s?.connected || (!ready && event !== 'hello')) return Promise.resolve(offline as Reply<E>);
    // socket.io types the timeout callback loosely; the reply is the event's ack envelope.
    const timed = s.timeout(ACK_TIMEOUT_MS) as unknown as {
      emit(event: E, payload: Payload<E>, ack: (error: unknown, reply: Reply<E>) => void): void;
    };
    return new Promise((resolve) => timed.emit(event, payload, (error, reply) => resolve(error ? offline : reply)));
  }

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
    const reply = await request('hello', {
      after: lastId(store.get().messages),
      page: reported === current.url ? null : current,
    });
    if (!socket?.connected) return;
    if (!reply.ok) {
      socket.disconnect();
      later(() => socket?.connect());
      return;
    }
    local.set('token', reply.token);
    attempts = 0;
    dispatch({ type: 'hello', reply });
    ready = true;
    dispatch({ type: 'link', link: 'online' });
    reported = current.url;
    void flush();
  }

  /** Sends the outbox oldest first, one at a time, so the server stores messages in the order written. */
  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      for (let item = nextToSend(store.get().outbox); item && ready; item = nextToSend(store.get().outbox)) {
        const reply = await request('message:send', { clientMsgId: item.clientMsgId, text: item.text });
        if (reply.ok) {
          dispatch({ type: 'messages', messages: [reply.message] });
          // Pushes are newer than an ack's snapshot, so the ack only introduces a new conversation.
          if (store.get().conversation?.id !== reply.conversation.id) {
            dispatch({ type: 'conversation', conversation: reply.conversation });
          }
          if (store.get().wantHuman) void escalate();
        } else if (isTransient(reply.error.code)) {
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- may change during the await
          if (ready) later(() => void flush());
          break;
        } else {
          dispatch({ type: 'failed', clientMsgId: item.clientMsgId, code: reply.error.code });
        }
      }
    } finally {
      flushing = false;
    }
  }

  function refused(error: Error): void {
    const code = error.message;
    if (code === 'unknown_site' || code === 'origin_not_allowed') {
      dispatch({ type: 'link', link: 'blocked' });
      return;
    }
    // A network failure: Socket.IO keeps trying by itself.
    if (socket?.active) return;
    // The server refused the handshake: drop what it did not accept, then try again later.
    if (code === 'invalid_payload') local.set('token', null);
    if (code === 'identity_invalid') identity = null;
    later(() => socket?.connect());
  }

  function start(): void {
    if (socket) return;
    dispatch({ type: 'link', link: 'connecting' });
    const s: Socket<VisitorServerEvents, VisitorClientEvents> = io(`${base.origin}/visitor`, {
      path: `${base.pathname}socket.io`,
      transports: ['websocket'],
      // A function, so every reconnect sends the newest token and identity.
      auth: (cb) => cb(auth()),
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
      options.onMessage(message);
    });
    s.on('conversation:update', (conversation) => dispatch({ type: 'conversation', conversation }));
    s.on('typing', ({ typing }) => dispatch({ type: 'agentTyping', typing }));
  }

  function send(text: string): void {
    dispatch({ type: 'queued', item: { clientMsgId: uuid(), text, ts: Date.now(), failed: null } });
    start();
    void flush();
  }

  function retry(clientMsgId: string): void {
    dispatch({ type: 'retry', clientMsgId });
    void flush();
  }

  /** "Talk to a person": escalates the conversation, or the one the next message starts. */
  async function escalate(): Promise<boolean> {
    const conversation = store.get().conversation;
    if (conversation?.state !== 'bot') {
      dispatch({ type: 'wantHuman', want: true });
      return true;
    }
    dispatch({ type: 'wantHuman', want: false });
    return act('conversation:escalate', {});
  }

  function typing(on: boolean): void {
    const state = store.get().conversation?.state;
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

  return { start, stop, send, retry, act, escalate, typing, identify, setLocale, watchPages };
}
