import type { ErrorCode } from '@cascade/shared';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxItem {
  clientMsgId: string;
  text: string;
  ts: number;
  /** Set when the server refused it for good; the visitor may retry by hand. */
  failed: ErrorCode | null;
}

export type Outbox = readonly OutboxItem[];

export const enqueue = (outbox: Outbox, item: OutboxItem): Outbox => [...outbox, item];

/** Removes the items the server has stored; returns the same outbox when none matched. */
export function settle(outbox: Outbox, storedIds: ReadonlySet<string>): Outbox {
  const rest = outbox.filter((item) => !storedIds.has(item.clientMsgId));
  return rest.length === outbox.length ? outbox : rest;
}

function update(outbox: Outbox, clientMsgId: string, failed: ErrorCode | null): Outbox {
  return outbox.map((item) => (item.clientMsgId === clientMsgId ? { ...item, failed } : item));
}

export const markFailed = (outbox: Outbox, clientMsgId: string, code: ErrorCode): Outbox =>
  update(outbox, clientMsgId, code);

export const markRetry = (outbox: Outbox, clientMsgId: string): Outbox => update(outbox, clientMsgId, null);

/** The oldest message still to send, so messages reach the server in the order written. */
export const nextToSend = (outbox: Outbox): OutboxItem | undefined => outbox.find((item) => item.failed === null);

/** Refusals that may pass on their own: the same message is sent again later. */
const transient: ReadonlySet<ErrorCode> = new Set(['rate_limited', 'unavailable', 'internal']);
export const isTransient = (code: ErrorCode): boolean => transient.has(code);

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.clientMsgId === 'string' &&
    typeof v.text === 'string' &&
    typeof v.ts === 'number' &&
    (v.failed === null || typeof v.failed === 'string')
  );
}

/** Reads an outbox saved by an earlier page; anything malformed is dropped rather than trusted. */
export function parseOutbox(raw: string | null): Outbox {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter(isItem) : [];
  } catch {
    return [];
  }
}
