import { backoff } from './backoff.ts';
import { openEngine, type Engine, type EngineEnd } from './engine.ts';
import { ACK, CONNECT, CONNECT_ERROR, decode, DISCONNECT, encode, EVENT } from './packet.ts';
import type { Transport } from './transport.ts';

type Fn = (...args: never[]) => void;
/** A Socket.IO event map, as `@cascade/shared` declares them. */
export type EventMap<M> = { [K in keyof M]: Fn };

/** The same reasons Socket.IO's client gives, those the widget can meet. */
export type DisconnectReason =
  'io client disconnect' | 'io server disconnect' | 'transport close' | 'ping timeout' | 'parse error';

/** Events of the socket itself, beside the server's. */
export interface SocketEvents {
  connect(): void;
  /** A refusal by the server (its message as `message`) or, while `active`, a failed attempt. */
  connect_error(error: Error): void;
  disconnect(reason: DisconnectReason): void;
}

type Payload<M extends EventMap<M>, K extends keyof M> = Parameters<M[K]>[0];
type Reply<M extends EventMap<M>, K extends keyof M> = Parameters<Extract<Parameters<M[K]>[1], Fn>>[0];
type Ack = (error: Error | null, reply?: unknown) => void;

export interface Socket<L extends EventMap<L>, E extends EventMap<E>> {
  readonly connected: boolean;
  /** True while the socket means to be connected: not after `disconnect()` or a refusal. */
  readonly active: boolean;
  /** Tried in order on each attempt; a change applies from the next attempt. */
  transports: readonly Transport[];
  on<K extends keyof SocketEvents | (keyof L & string)>(event: K, listener: (SocketEvents & L)[K]): void;
  removeAllListeners(): void;
  /** Sends an event, dropped if not connected: the widget sends only once its hello is answered. */
  emit<K extends keyof E & string>(event: K, payload: Payload<E, K>): void;
  /** Sends a request whose ack, or an error if none comes within `ms` or the socket drops, goes to `ack`. */
  timeout(ms: number): {
    emit<K extends keyof E & string>(
      event: K,
      payload: Payload<E, K>,
      ack: (error: Error | null, reply: Reply<E, K>) => void,
    ): void;
  };
  connect(): void;
  disconnect(): Socket<L, E>;
}

export interface SocketOptions {
  /** The Engine.IO endpoint with the protocol version: `https://host/path/socket.io/?EIO=4`. */
  url: string;
  nsp: string;
  transports: readonly Transport[];
  /** Read at every attempt, so each sends what is newest. */
  auth(): object;
}

/**
 * A Socket.IO v5 client for one namespace: connects with `auth`, reconnects after a loss with
 * Socket.IO's default backoff until `disconnect()` or a refusal, and matches acks to requests.
 */
export function createSocket<L extends EventMap<L>, E extends EventMap<E>>(options: SocketOptions): Socket<L, E> {
  const { nsp } = options;
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const acks = new Map<number, Ack>();
  let engine: Engine | null = null;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ids = 0;

  const fire = (event: string, ...args: unknown[]): void => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
  };

  const send = (type: number, data?: unknown, id?: number): void => engine?.send(encode({ type, nsp, data, id }));

  function stopEngine(): void {
    clearTimeout(retry);
    engine?.close();
    engine = null;
  }

  function lost(reason: DisconnectReason): void {
    if (!socket.connected) return;
    socket.connected = false;
    fire('disconnect', reason);
    // No ack can come now: each request learns it at once rather than at its timeout.
    for (const ack of acks.values()) ack(new Error('disconnected'));
    acks.clear();
  }

  function open(): void {
    engine = openEngine(options.url, socket.transports, {
      open: () => send(CONNECT, options.auth()),
      message: receive,
      close: ended,
    });
  }

  /** The session is over without `disconnect()`: tell, then try again later while still active. */
  function ended(reason: EngineEnd | 'parse error'): void {
    engine = null;
    if (reason === 'transport error') fire('connect_error', new Error(reason));
    else lost(reason);
    if (socket.active) retry = setTimeout(() => socket.active && !engine && open(), backoff(attempts++));
  }

  function refused(): void {
    socket.active = false;
    stopEngine();
  }

  function receive(text: string): void {
    const packet = decode(text);
    if (!packet) {
      engine?.close();
      return ended('parse error');
    }
    if (packet.nsp !== nsp) return;
    const data = packet.data as unknown[];
    if (packet.type === CONNECT) {
      socket.connected = true;
      attempts = 0;
      fire('connect');
    } else if (packet.type === EVENT) {
      fire(...(data as [string, ...unknown[]]));
    } else if (packet.type === ACK) {
      const ack = acks.get(packet.id ?? -1);
      acks.delete(packet.id ?? -1);
      ack?.(null, data[0]);
    } else if (packet.type === CONNECT_ERROR) {
      refused();
      fire('connect_error', new Error((packet.data as { message: string }).message));
    } else if (packet.type === DISCONNECT) {
      refused();
      lost('io server disconnect');
    }
  }

  const socket = {
    connected: false,
    active: false,
    transports: options.transports,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    removeAllListeners: () => listeners.clear(),
    emit: (event: string, payload: unknown) => send(EVENT, [event, payload]),
    timeout: (ms: number) => ({
      emit(event: string, payload: unknown, ack: Ack) {
        const id = ids++;
        const timer = setTimeout(() => acks.delete(id) && ack(new Error('timeout')), ms);
        acks.set(id, (error, reply) => {
          clearTimeout(timer);
          ack(error, reply);
        });
        send(EVENT, [event, payload], id);
      },
    }),
    connect() {
      if (socket.active) return;
      socket.active = true;
      open();
    },
    disconnect() {
      if (socket.connected) send(DISCONNECT);
      refused();
      lost('io client disconnect');
      return socket;
    },
  };
  return socket as Socket<L, E>;
}
