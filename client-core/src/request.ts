/** Any Socket.IO client socket: only what a request needs of it. */
export interface RequestSocket {
  readonly connected: boolean;
  timeout(ms: number): unknown;
}

/** The payload and the ack envelope of request `E` in a Socket.IO event map `M`. */
type Fn = (...args: never[]) => unknown;
export type EventMap<M> = { [E in keyof M]: Fn };
export type PayloadOf<M extends EventMap<M>, E extends keyof M> = Parameters<M[E]>[0];
export type ReplyOf<M extends EventMap<M>, E extends keyof M> = Parameters<Extract<Parameters<M[E]>[1], Fn>>[0];

export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Emits a request and resolves with its ack envelope. Never rejects: no socket or no answer in
 * time resolves `{ ok: false, error: { code: 'unavailable' } }`, so every caller handles one shape.
 */
export function request<M extends EventMap<M>, E extends keyof M & string>(
  socket: RequestSocket | null,
  event: E,
  payload: PayloadOf<M, E>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<ReplyOf<M, E>> {
  const fail = (message: string) => ({ ok: false, error: { code: 'unavailable', message } }) as ReplyOf<M, E>;
  if (!socket?.connected) return Promise.resolve(fail('not connected'));
  // Socket.IO types the timeout callback loosely; the reply is the event's ack envelope.
  const timed = socket.timeout(timeoutMs) as {
    emit(event: E, payload: PayloadOf<M, E>, ack: (error: unknown, reply: ReplyOf<M, E>) => void): void;
  };
  return new Promise((resolve) => {
    timed.emit(event, payload, (error, reply) => resolve(error ? fail(`no answer to ${event}`) : reply));
  });
}
