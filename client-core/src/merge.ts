import { compareIds } from './ids.ts';

/** What the client core needs of a stored message. */
export interface StreamMessage {
  id: string;
  conversationId: string;
  clientMsgId: string | null;
  /** The id of the message before it that this receiver may see (null for the first); set on pushes. */
  prev?: string | null;
}

export const lastId = (messages: readonly StreamMessage[]): string | null => messages.at(-1)?.id ?? null;

/**
 * Adds messages, whether they come from an ack, a push, another tab or a resync: each is held once
 * (same id, or same clientMsgId), a later copy of a held id replaces it, and the list stays in
 * stream order. Returns the same array when nothing changed.
 */
export function mergeMessages<T extends StreamMessage>(current: readonly T[], incoming: readonly T[]): readonly T[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  const clientIds = new Set(current.map((m) => m.clientMsgId));
  let changed = false;
  for (const m of incoming) {
    const held = byId.get(m.id);
    if (held === m || (!held && m.clientMsgId !== null && clientIds.has(m.clientMsgId))) continue;
    byId.set(m.id, m);
    clientIds.add(m.clientMsgId);
    changed = true;
  }
  return changed ? [...byId.values()].sort((a, b) => compareIds(a.id, b.id)) : current;
}
