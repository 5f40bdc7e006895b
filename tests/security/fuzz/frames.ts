import { io, type Socket } from 'socket.io-client';
import { CLIENT_MSG_ID } from './events.ts';
import { LIMIT } from './payloads.ts';

export type Namespace = '/visitor' | '/agent';
export type Frame = { frame: string; ackId?: number; expect: string };

/** Resolves with `connected` or the reason the server gave for refusing the connection. */
export function handshake(
  url: string,
  nsp: Namespace,
  opts: { auth?: Record<string, unknown>; cookie?: string },
): Promise<string> {
  return new Promise((resolve) => {
    const s = io(`${url}${nsp}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(opts.auth ? { auth: opts.auth } : {}),
      ...(opts.cookie === undefined ? {} : { extraHeaders: { cookie: opts.cookie } }),
    });
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (e) => {
      s.close();
      resolve(e.message);
    });
  });
}

/** Writes one raw frame; resolves with the error code of its ack, or `closed` when the server hangs up. */
export function rawOutcome(socket: Socket, nsp: Namespace, f: Frame): Promise<string> {
  return new Promise((resolve) => {
    socket.once('disconnect', () => resolve('closed'));
    const prefix = `3${nsp},${f.ackId}[`;
    socket.io.engine.on('data', (data) => {
      if (f.ackId === undefined || typeof data !== 'string' || !data.startsWith(prefix)) return;
      const [ack] = JSON.parse(data.slice(prefix.length - 1)) as [{ ok: boolean; error?: { code: string } }];
      resolve(ack.ok ? 'accepted' : (ack.error?.code ?? 'no code'));
    });
    socket.io.engine.write(f.frame);
  });
}

/** Nesting far deeper than any client would build, still under the size limit. */
function deepFrame(nsp: Namespace, ackId: number, depth: number, arrays: boolean): Frame {
  const event = nsp === '/visitor' ? 'hello' : 'chat:open';
  const payload = arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return { frame: `2${nsp},${ackId}["${event}",${payload}]`, ackId, expect: 'invalid_payload' };
}

/** Broken Socket.IO frames and frames over the 64 KB limit: each is refused with an ack or a closed connection. */
export function frames(nsp: Namespace): Frame[] {
  const big = (n: number): Frame => ({
    frame: `2${nsp},["message:send",{"clientMsgId":"${CLIENT_MSG_ID}","text":"${'x'.repeat(n)}"}]`,
    expect: 'closed',
  });
  const common = [
    { frame: `2${nsp},["message:send"`, expect: 'closed' },
    deepFrame(nsp, 9001, 20_000, true),
    big(LIMIT + 1),
    big(2 * 1024 * 1024),
  ];
  if (nsp === '/agent') return common;
  return [
    ...common,
    { frame: `2${nsp},{"event":"hello"}`, expect: 'closed' },
    { frame: `2${nsp},[]`, expect: 'closed' },
    { frame: `2${nsp},[{"name":"hello"},{}]`, expect: 'closed' },
    { frame: `9${nsp},["hello"]`, expect: 'closed' },
    { frame: `5abc-${nsp},["hello",{"_placeholder":true,"num":0}]`, expect: 'closed' },
    deepFrame(nsp, 9002, 9000, false),
    big(200_000),
  ];
}
