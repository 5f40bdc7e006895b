import type { Link, Transport } from './transport.ts';

/** Why an Engine.IO session ended; `transport error` means it never opened. */
export type EngineEnd = 'transport error' | 'transport close' | 'ping timeout';

export interface EngineEvents {
  open(): void;
  /** The text of an Engine.IO message packet (a Socket.IO packet). */
  message(text: string): void;
  /** The session ended by itself (not by `close()`). */
  close(reason: EngineEnd): void;
}

export interface Engine {
  send(text: string): void;
  close(): void;
}

/** An attempt that has neither opened nor failed by then has failed (Socket.IO's default). */
const OPEN_TIMEOUT_MS = 20_000;

/**
 * One Engine.IO v4 session: the first of `transports` that opens carries it (a WebSocket that a
 * proxy refuses gives way to the next); the server's pings are answered, and a server silent for
 * longer than its ping interval and timeout together is taken for gone.
 */
export function openEngine(url: string, transports: readonly Transport[], on: EngineEvents): Engine {
  let link: Link | undefined;
  let opened = false;
  let closed = false;
  let silence = 0;
  let timer = setTimeout(() => end('transport error'), OPEN_TIMEOUT_MS);
  // A browser that knows it went offline need not wait for the ping timeout (as Socket.IO's client).
  const offline = (): void => end(opened ? 'transport close' : 'transport error');
  const browser = typeof addEventListener === 'function';
  if (browser) addEventListener('offline', offline);

  function end(reason: EngineEnd): void {
    if (closed) return;
    close();
    on.close(reason);
  }

  function close(): void {
    closed = true;
    clearTimeout(timer);
    if (browser) removeEventListener('offline', offline);
    link?.close();
  }

  function alive(): void {
    clearTimeout(timer);
    timer = setTimeout(() => end('ping timeout'), silence);
  }

  function attempt(i: number): void {
    const transport = transports[i];
    if (!transport) return end('transport error');
    const mine: Link = transport(url, {
      frame(text) {
        if (closed || link !== mine) return;
        const type = text[0];
        if (type === '0') {
          const handshake = JSON.parse(text.slice(1)) as { pingInterval: number; pingTimeout: number };
          opened = true;
          silence = handshake.pingInterval + handshake.pingTimeout;
          alive();
          on.open();
        } else if (type === '2') {
          alive();
          mine.send(['3']);
        } else if (type === '4') on.message(text.slice(1));
        else if (type === '1') end('transport close');
      },
      close() {
        if (closed || link !== mine) return;
        if (opened) end('transport close');
        else attempt(i + 1);
      },
    });
    link = mine;
  }

  attempt(0);
  return { send: (text) => link?.send([`4${text}`]), close };
}
