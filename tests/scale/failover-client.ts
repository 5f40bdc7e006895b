import type { Ack, Message } from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import { STEP_TIMEOUT_MS } from '../support/waits.ts';

const RETRY_MS = 100;

/** Stream ids ("ms-seq") in stream order. */
export function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

type Pending = { clientMsgId: string; conversationId: string; text: string; attempts: number };

export type Side = {
  /** The namespace path: `/visitor` or `/agent`. */
  path: string;
  opts: (url: string) => Parameters<typeof io>[1];
  /** Sends one outbox entry. */
  send(socket: Socket, m: Pending): Promise<Ack<{ message: Message }>>;
  /** Resolves once a new connection is set up on the server (rooms joined). */
  ready?(socket: Socket): Promise<void>;
  /** After (re)connecting: fetches what was missed after the last seen id of each conversation. */
  resync(socket: Socket, lastSeen: Map<string, string | null>): Promise<Message[]>;
};

/**
 * A client that keeps working when its server process dies, as the widget and console do:
 * it moves to the next address, re-sends its unacked messages with the same clientMsgId,
 * and syncs what it missed from the last id it saw.
 */
export class FailoverClient {
  private socket: Socket;
  private at = 0;
  private outbox: Pending[] = [];
  private pumping = false;
  private onConnect: (() => void)[] = [];
  private onEmpty: (() => void)[] = [];
  private onTake: (() => void)[] = [];
  private closed = false;
  /** clientMsgId -> stored message id, in the order the acks came. */
  readonly acked = new Map<string, string>();
  /** Messages sent more than once because their first ack never came. */
  resent = 0;
  /**
   * Every message of the other side, by conversation and id (ids are per stream), with how many
   * times the client was handed it.
   */
  readonly received = new Map<string, { message: Message; times: number; via: 'push' | 'sync' }>();
  readonly lastSeen = new Map<string, string | null>();
  reconnects = 0;
  /** Why a sync after a reconnect failed, if one did. */
  readonly errors: string[] = [];

  constructor(
    private readonly urls: string[],
    private readonly side: Side,
    private readonly mine: (m: Message) => boolean,
  ) {
    this.socket = this.open();
  }

  private open(): Socket {
    const url = this.urls[this.at % this.urls.length] ?? '';
    const socket = io(`${url}${this.side.path}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...this.side.opts(url),
    });
    socket.on('message:new', (m: Message) => this.take(m, 'push'));
    socket.on('connect', () => {
      const waiting = this.onConnect.splice(0);
      for (const resolve of waiting) resolve();
    });
    // A dead process: try the next address, as a load balancer would route the retry elsewhere.
    const fail = () => {
      if (this.closed || this.socket !== socket) return;
      socket.removeAllListeners();
      socket.close();
      this.at++;
      this.reconnects++;
      // Pushes on the new socket move lastSeen on before the sync answers: sync from where the old one stopped.
      const since = new Map(this.lastSeen);
      this.socket = this.open();
      this.socket.once('connect', () => void this.afterReconnect(this.socket, since));
    };
    socket.on('disconnect', fail);
    socket.on('connect_error', () => setTimeout(fail, 50));
    return socket;
  }

  private async afterReconnect(socket: Socket, since: Map<string, string | null>): Promise<void> {
    try {
      await this.side.ready?.(socket);
      await this.resync(since);
    } catch (e) {
      this.errors.push(e instanceof Error ? e.message : String(e));
      return;
    }
    void this.pump();
  }

  /** Fetches what was missed after the last id seen of each conversation. */
  async resync(since = this.lastSeen): Promise<void> {
    for (const m of await this.side.resync(this.socket, since)) this.take(m, 'sync');
  }

  private take(m: Message, via: 'push' | 'sync'): void {
    if (this.mine(m) || (m.author !== 'visitor' && m.author !== 'agent')) return;
    const key = `${m.conversationId}/${m.id}`;
    const seen = this.received.get(key);
    if (seen) seen.times++;
    else this.received.set(key, { message: m, times: 1, via });
    const last = this.lastSeen.get(m.conversationId);
    if (!last || compareIds(m.id, last) > 0) this.lastSeen.set(m.conversationId, m.id);
    for (const check of this.onTake) check();
  }

  /** Resolves once `done` holds, checked after each message taken; settles for what is there after the timeout. */
  until(done: () => boolean, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.onTake.splice(this.onTake.indexOf(check), 1);
        resolve();
      };
      const check = () => {
        if (done()) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.onTake.push(check);
    });
  }

  get emitter(): Socket {
    return this.socket;
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.onConnect.push(resolve));
  }

  /** Puts a message in the outbox; it is sent now or after the next reconnect. */
  queue(conversationId: string, clientMsgId: string, text: string): void {
    this.outbox.push({ conversationId, clientMsgId, text, attempts: 0 });
    void this.pump();
  }

  get unacked(): number {
    return this.outbox.length;
  }

  /** One message at a time, so that a side's messages are stored in the order they were written. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let head = this.outbox[0]; head && !this.closed; head = this.outbox[0]) {
        const socket = this.socket;
        if (!socket.connected) return;
        head.attempts++;
        if (head.attempts === 2) this.resent++;
        try {
          const ack = await this.side.send(socket, head);
          if (!ack.ok) throw new Error(ack.error.message);
          this.acked.set(head.clientMsgId, ack.message.id);
          this.outbox.shift();
          if (this.outbox.length === 0) for (const resolve of this.onEmpty.splice(0)) resolve();
        } catch {
          // The process died with the request in flight; the reconnect pumps again.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- may change during the await
          if (this.socket !== socket || !socket.connected) return;
          // The server answered but could not store it (Redis away): retry after a pause, as the widget does.
          await new Promise((r) => setTimeout(r, RETRY_MS));
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Resolves once every queued message is acked. */
  drained(timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
    if (this.outbox.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.outbox.length} messages still unacked`)), timeoutMs);
      this.onEmpty.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.closed = true;
    this.socket.removeAllListeners();
    this.socket.close();
  }
}
