import type { Message } from '@cascade/shared';

/** A message the agent wrote that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMsgId: string;
  text: string;
  internal: boolean;
  createdAt: number;
  /** Why the server refused it; null while it is in flight or waiting for a reconnect. */
  error: string | null;
}

export function addPending(outbox: readonly PendingMessage[], item: PendingMessage): PendingMessage[] {
  return [...outbox.filter((p) => p.clientMsgId !== item.clientMsgId), item];
}

/** Drops the pending copies of messages the server now holds. */
export function settlePending(outbox: readonly PendingMessage[], stored: readonly Message[]): PendingMessage[] {
  const done = new Set(stored.map((m) => m.clientMsgId).filter((id): id is string => id !== null));
  if (done.size === 0) return outbox as PendingMessage[];
  const rest = outbox.filter((p) => !done.has(p.clientMsgId));
  return rest.length === outbox.length ? (outbox as PendingMessage[]) : rest;
}

export function markFailed(outbox: readonly PendingMessage[], clientMsgId: string, error: string): PendingMessage[] {
  return outbox.map((p) => (p.clientMsgId === clientMsgId ? { ...p, error } : p));
}

export function markRetrying(outbox: readonly PendingMessage[], clientMsgId: string): PendingMessage[] {
  return outbox.map((p) => (p.clientMsgId === clientMsgId ? { ...p, error: null } : p));
}

export function dropPending(outbox: readonly PendingMessage[], clientMsgId: string): PendingMessage[] {
  return outbox.filter((p) => p.clientMsgId !== clientMsgId);
}

/** What to send again after a reconnect: everything not refused by the server. */
export function toResend(outbox: readonly PendingMessage[]): PendingMessage[] {
  return outbox.filter((p) => p.error === null);
}
