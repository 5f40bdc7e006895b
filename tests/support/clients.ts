import type { Ack } from '@cascade/shared';
import { io, type Socket } from 'socket.io-client';
import { STEP_TIMEOUT_MS, withTimeout } from './waits.ts';

type Received = { event: string; args: unknown[] };

/**
 * A real Socket.IO client that records every event it receives, so a test can await the
 * next matching event whether it has already arrived or not (no sleeps).
 */
export class TestClient {
  readonly socket: Socket;
  private received: Received[] = [];
  /** Every event ever received, consumed or not, for tests that inspect all a client was sent. */
  readonly history: Received[] = [];
  private waiters: { event: string; match: (arg: never) => boolean; resolve: (arg: unknown) => void }[] = [];

  constructor(url: string, opts: Parameters<typeof io>[1]) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 50,
      forceNew: true,
      ...opts,
    });
    this.socket.onAny((event: string, ...args: unknown[]) => {
      this.history.push({ event, args });
      const waiter = this.waiters.find((w) => w.event === event && w.match(args[0] as never));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(args[0]);
      } else this.received.push({ event, args });
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return withTimeout(
      'the socket to connect',
      new Promise<void>((resolve, reject) => {
        this.socket.once('connect', () => resolve());
        this.socket.once('connect_error', (e) => reject(e));
      }),
    );
  }

  /** Sends a request and resolves with its ack envelope. */
  request<T extends object = Record<string, unknown>>(event: string, payload: unknown): Promise<Ack<T>> {
    return this.socket.timeout(STEP_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Ack<T>>;
  }

  /** Like `request`, but fails the test unless the answer is ok. */
  async ok<T extends object = Record<string, unknown>>(event: string, payload: unknown): Promise<T> {
    const r = await this.request<T>(event, payload);
    if (!r.ok) throw new Error(`${event} failed: ${r.error.code}: ${r.error.message}`);
    return r;
  }

  /** The next `event` whose first argument matches; consumed so it is seen once. */
  next<T = unknown>(event: string, match: (arg: T) => boolean = () => true, timeoutMs = STEP_TIMEOUT_MS): Promise<T> {
    const i = this.received.findIndex((r) => r.event === event && match(r.args[0] as T));
    if (i >= 0) {
      const [r] = this.received.splice(i, 1);
      return Promise.resolve(r?.args[0] as T);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        event,
        match,
        resolve: (arg) => {
          clearTimeout(timer);
          resolve(arg as T);
        },
      });
    });
  }

  /** Every event of this name received so far and not consumed. */
  seen<T = unknown>(event: string): T[] {
    return this.received.filter((r) => r.event === event).map((r) => r.args[0] as T);
  }

  close(): void {
    this.socket.close();
  }
}

/** How a visitor handshake ends: `connected`, or the server's refusal (`unknown_site`, `rate_limited`…). */
export function handshakeOutcome(
  url: string,
  auth: object,
  headers: Record<string, string> = {},
  namespace: '/visitor' | '/agent' = '/visitor',
): Promise<string> {
  return new Promise((resolve) => {
    const s = io(`${url}${namespace}`, {
      transports: ['websocket'],
      auth,
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    });
    s.on('connect', () => {
      s.close();
      resolve('connected');
    });
    s.on('connect_error', (e) => {
      s.close();
      resolve(e.message);
    });
  });
}

/** Agents step away before they close, so the next test starts with nobody online. */
export async function leave(...agents: TestClient[]): Promise<void> {
  await Promise.all(agents.map((a) => a.ok('agent:status', { status: 'away' })));
  for (const a of agents) a.close();
}
