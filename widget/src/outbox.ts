import type { AttachmentLink, ErrorCode } from '@cascade/shared';
import { outbox } from '@cascade/client-core';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxItem {
  clientMsgId: string;
  text: string;
  /** Files already uploaded: the message sends their ids, the pending row shows them. */
  attachments?: AttachmentLink[];
  ts: number;
  /** Set when the server refused it for good; the visitor may retry by hand. */
  failed: ErrorCode | null;
}

export type Outbox = readonly OutboxItem[];

export const { markFailed, markRetry, nextToSend } = outbox<OutboxItem, 'failed'>('failed');
export { enqueue, isTransient, settle } from '@cascade/client-core';

function isItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.clientMsgId === 'string' &&
    typeof v.text === 'string' &&
    typeof v.ts === 'number' &&
    (v.attachments === undefined || Array.isArray(v.attachments)) &&
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
