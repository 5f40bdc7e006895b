import type { AgentClientEvents, ErrorCode } from '@cascade/shared';
import type { AgentSocket } from './agent-socket.ts';

export type RequestName = keyof AgentClientEvents;
export type PayloadOf<E extends RequestName> = Parameters<AgentClientEvents[E]>[0];
type AckOf<E extends RequestName> = Parameters<NonNullable<Parameters<AgentClientEvents[E]>[1]>>[0];
export type ReplyOf<E extends RequestName> = Extract<AckOf<E>, { ok: true }>;

/** A request the server refused (its error code), or that got no answer in time. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export const REQUEST_TIMEOUT_MS = 10_000;

/** Emits a request and resolves with the `{ ok: true }` reply; a refusal or a timeout rejects. */
export function request<E extends RequestName>(
  socket: AgentSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<ReplyOf<E>> {
  return new Promise((resolve, reject) => {
    // Socket.IO's typings cannot carry a generic event name through timeout(); this is the one cast.
    const timed = socket.timeout(timeoutMs) as unknown as {
      emit(event: E, payload: PayloadOf<E>, ack: (err: Error | null, reply: AckOf<E>) => void): void;
    };
    timed.emit(event, payload, (err, reply) => {
      if (err) reject(new RequestError('timeout', `no answer to ${event}`));
      else if (reply.ok) resolve(reply as ReplyOf<E>);
      else reject(new RequestError(reply.error.code, reply.error.message));
    });
  });
}
