import type { Message } from '@cascade/shared';

/**
 * Orders Redis stream ids (`<ms>-<seq>`). Both parts may exceed 2^53, so they are
 * compared as digit strings: a longer number is larger, equal lengths compare by text.
 */
export function compareMessageIds(a: string, b: string): number {
  const [aMs = '', aSeq = ''] = a.split('-');
  const [bMs = '', bSeq = ''] = b.split('-');
  return compareDigits(aMs, bMs) || compareDigits(aSeq, bSeq);
}

function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Adds messages to a transcript once each (by id), in stream order; later copies win. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const byId = new Map<string, Message>();
  for (const m of current) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => compareMessageIds(a.id, b.id));
}

/** The resume cursor for `chat:sync`: the newest id held, or null for "everything". */
export function lastMessageId(messages: readonly Message[]): string | null {
  return messages.at(-1)?.id ?? null;
}

/** Keeps whichever of two "latest message" candidates is newer in the stream. */
export function newerMessage(a: Message | null, b: Message | null): Message | null {
  if (!a) return b;
  if (!b) return a;
  return compareMessageIds(a.id, b.id) >= 0 ? a : b;
}
