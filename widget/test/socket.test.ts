import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocket, type Socket } from '../src/socket/socket.ts';
import type { LinkEvents, Transport } from '../src/socket/transport.ts';

interface ServerEvents {
  'message:new': (m: { id: string }) => void;
}
interface ClientEvents {
  hello: (p: { after: string | null }, ack: (r: { ok: boolean }) => void) => void;
  typing: (p: { typing: boolean }) => void;
}

/** A transport in memory: what the client sent, and a hand to play the server. */
function fakeTransport() {
  const links: { url: string; on: LinkEvents; sent: string[]; closed: boolean }[] = [];
  const transport: Transport = (url, on) => {
    const link = { url, on, sent: [] as string[], closed: false };
    links.push(link);
    return { send: (frames) => link.sent.push(...frames), close: () => (link.closed = true) };
  };
  const last = () => links[links.length - 1]!;
  return { transport, links, last };
}

const handshake = '0{"sid":"s1","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';

describe('the widget socket', () => {
  let t: ReturnType<typeof fakeTransport>;
  let socket: Socket<ServerEvents, ClientEvents>;
  let auth = { siteKey: 'pk_1' };

  beforeEach(() => {
    vi.useFakeTimers();
    t = fakeTransport();
    socket = createSocket<ServerEvents, ClientEvents>({
      url: 'https://chat.example/socket.io/?EIO=4',
      nsp: '/visitor',
      transports: [t.transport],
      auth: () => auth,
    });
  });
  afterEach(() => {
    socket.disconnect();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Opens the session and connects the namespace, as the server answers. */
  function connect(): void {
    socket.connect();
    t.last().on.frame(handshake);
    t.last().on.frame('40/visitor,{"sid":"n1"}');
  }

  it('connects to the namespace with the newest auth once the session is open', () => {
    const connected = vi.fn();
    socket.on('connect', connected);
    auth = { siteKey: 'pk_2' };
    socket.connect();
    expect(t.last().url).toBe('https://chat.example/socket.io/?EIO=4');
    t.last().on.frame(handshake);
    expect(t.last().sent).toEqual(['40/visitor,{"siteKey":"pk_2"}']);
    t.last().on.frame('40/visitor,{"sid":"n1"}');
    expect(connected).toHaveBeenCalledOnce();
    expect(socket.connected).toBe(true);
  });

  it('answers pings and takes a server silent past interval and timeout for gone', () => {
    const disconnect = vi.fn();
    socket.on('disconnect', disconnect);
    connect();
    t.last().on.frame('2');
    expect(t.last().sent.at(-1)).toBe('3');
    vi.advanceTimersByTime(44_999);
    expect(disconnect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(disconnect).toHaveBeenCalledWith('ping timeout');
    expect(t.links[0]!.closed).toBe(true);
  });

  it('takes the connection for lost as soon as the browser says it is offline', () => {
    const window = new EventTarget();
    vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
    vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window));
    try {
      const disconnect = vi.fn();
      socket.on('disconnect', disconnect);
      connect();
      window.dispatchEvent(new Event('offline'));
      expect(disconnect).toHaveBeenCalledWith('transport close');
      expect(t.links[0]!.closed).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('hands server events to their listeners and matches acks to requests', () => {
    const messages = vi.fn();
    socket.on('message:new', messages);
    connect();
    t.last().on.frame('42/visitor,["message:new",{"id":"1-0"}]');
    expect(messages).toHaveBeenCalledWith({ id: '1-0' });

    const ack = vi.fn();
    socket.timeout(1000).emit('hello', { after: null }, ack);
    expect(t.last().sent.at(-1)).toBe('42/visitor,0["hello",{"after":null}]');
    t.last().on.frame('43/visitor,0[{"ok":true}]');
    expect(ack).toHaveBeenCalledWith(null, { ok: true });

    socket.emit('typing', { typing: true });
    expect(t.last().sent.at(-1)).toBe('42/visitor,["typing",{"typing":true}]');
  });

  it('fails a request at its timeout, or at once when the socket drops', () => {
    connect();
    const late = vi.fn();
    socket.timeout(1000).emit('hello', { after: null }, late);
    vi.advanceTimersByTime(1000);
    expect(late).toHaveBeenCalledWith(expect.any(Error));
    const dropped = vi.fn();
    socket.timeout(10_000).emit('hello', { after: null }, dropped);
    t.last().on.close();
    expect(dropped.mock.calls[0]?.[0]).toBeInstanceOf(Error);
    t.links[0]!.on.frame('43/visitor,1[{"ok":true}]');
    expect(dropped).toHaveBeenCalledOnce();
  });

  it('reconnects after a lost connection with a growing delay, and starts over once connected', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const reasons: string[] = [];
    socket.on('disconnect', (r) => reasons.push(r));
    connect();
    t.last().on.close();
    expect(reasons).toEqual(['transport close']);
    expect(socket.active).toBe(true);
    vi.advanceTimersByTime(999);
    expect(t.links).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(t.links).toHaveLength(2);
    t.last().on.close();
    vi.advanceTimersByTime(1999);
    expect(t.links).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(t.links).toHaveLength(3);
    t.last().on.frame(handshake);
    t.last().on.frame('40/visitor,{"sid":"n2"}');
    t.last().on.frame('1');
    vi.advanceTimersByTime(1000);
    expect(t.links).toHaveLength(4);
  });

  it('reports a failed attempt while staying active, and tries the next transport first', () => {
    const polling = fakeTransport();
    socket.transports = [t.transport, polling.transport];
    const errors: string[] = [];
    socket.on('connect_error', (e) => errors.push(e.message));
    socket.connect();
    t.last().on.close();
    expect(polling.links).toHaveLength(1);
    expect(errors).toEqual([]);
    polling.last().on.close();
    expect(errors).toHaveLength(1);
    expect(socket.active).toBe(true);
  });

  it('stops on a refusal, with the server message, until asked again', () => {
    const errors: string[] = [];
    socket.on('connect_error', (e) => errors.push(e.message));
    socket.connect();
    t.last().on.frame(handshake);
    t.last().on.frame('44/visitor,{"message":"unknown_site"}');
    expect(errors).toEqual(['unknown_site']);
    expect(socket.active).toBe(false);
    expect(t.last().closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(t.links).toHaveLength(1);
    socket.connect();
    expect(t.links).toHaveLength(2);
  });

  it('stops when the server ends the namespace, and says goodbye when the client does', () => {
    const reasons: string[] = [];
    socket.on('disconnect', (r) => reasons.push(r));
    connect();
    t.last().on.frame('41/visitor,');
    expect(reasons).toEqual(['io server disconnect']);
    expect(socket.active).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(t.links).toHaveLength(1);

    connect();
    socket.disconnect().connect();
    expect(t.links[1]!.sent.at(-1)).toBe('41/visitor,');
    expect(t.links[1]!.closed).toBe(true);
    expect(reasons).toEqual(['io server disconnect', 'io client disconnect']);
    expect(t.links).toHaveLength(3);
  });
});
