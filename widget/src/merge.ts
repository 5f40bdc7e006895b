import type { VisitorMessage as Message } from '@cascade/shared';

/**
 * Orders Redis stream ids (`ms-seq`) numerically. Both parts may exceed 2^53, so they are compared
 * as digit strings: a longer one is larger (Redis writes no leading zeros).
 */
export function compareIds(a: string, b: string): number {
  const [am = '', as = ''] = a.split('-');
  const [bm = '', bs = ''] = b.split('-');
  return compareDigits(am, bm) || compareDigits(as, bs);
}

const compareDigits = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** A visitor never receives notes; one from a server that sent it anyway is still not shown. */
const isNote = (m: Message): boolean => (m as { internal?: unknown }).internal === true;

export const lastId = (messages: readonly Message[]): string | null => messages.at(-1)?.id ?? null;

/**
 * Adds messages the widget did not have, whether they come from an ack, a push, another tab or
 * a resync: the same message is never shown twice (same id, or same clientMsgId), and the list
 * stays in stream order. Returns the same array when nothing was new.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  const ids = new Set(current.map((m) => m.id));
  const clientIds = new Set(current.flatMap((m) => (m.clientMsgId ? [m.clientMsgId] : [])));
  const added: Message[] = [];
  for (const m of incoming) {
    if (isNote(m) || ids.has(m.id) || (m.clientMsgId && clientIds.has(m.clientMsgId))) continue;
    ids.add(m.id);
    if (m.clientMsgId) clientIds.add(m.clientMsgId);
    added.push(m);
  }
  if (added.length === 0) return current;
  return [...current, ...added].sort((a, b) => compareIds(a.id, b.id));
}
