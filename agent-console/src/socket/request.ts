import { request as send, REQUEST_TIMEOUT_MS, type PayloadOf, type ReplyOf } from '@cascade/client-core';
import type { AgentClientEvents, ErrorCode } from '@cascade/shared';
import type { AgentSocket } from './agent-socket.ts';

export type RequestName = keyof AgentClientEvents;
export type ReplyOk<E extends RequestName> = Extract<ReplyOf<AgentClientEvents, E>, { ok: true }>;

/** A request the server refused, or that got no answer in time (`unavailable`). */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * The client core's request, for the console's handlers that await a result: resolves with the
 * `{ ok: true }` reply and throws the refusal.
 */
export async function request<E extends RequestName>(
  socket: AgentSocket,
  event: E,
  payload: PayloadOf<AgentClientEvents, E>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<ReplyOk<E>> {
  const reply = await send<AgentClientEvents, E>(socket, event, payload, timeoutMs);
  if (!reply.ok) throw new RequestError(reply.error.code, reply.error.message);
  return reply;
}
