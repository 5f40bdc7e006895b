/**
 * A sender's unacknowledged messages, oldest first. The widget and the console keep their own
 * item shapes; `K` names the field that holds why the server refused one for good (null while
 * it is still to be sent).
 */
export type Pending<K extends string> = { clientMsgId: string } & { [P in K]: string | null };
type Item = { clientMsgId: string };

/** Appends a message; the same clientMsgId is never queued twice. */
export const enqueue = <T extends Item>(items: readonly T[], item: T): T[] => [...drop(items, item.clientMsgId), item];

export const drop = <T extends Item>(items: readonly T[], clientMsgId: string): T[] =>
  items.filter((i) => i.clientMsgId !== clientMsgId);

/** Drops the items whose clientMsgId the server has stored; returns the same outbox when none matched. */
export function settle<T extends Item>(items: readonly T[], stored: ReadonlySet<string | null>): readonly T[] {
  const rest = items.filter((i) => !stored.has(i.clientMsgId));
  return rest.length === items.length ? items : rest;
}

/** The rules that read or write the refusal, for an outbox of `T` whose items keep it in `failure`. */
export function outbox<T extends Pending<K>, K extends string>(failure: K) {
  const mark = (items: readonly T[], clientMsgId: string, reason: string | null): T[] =>
    items.map((i) => (i.clientMsgId === clientMsgId ? { ...i, [failure]: reason } : i));
  return {
    markFailed: mark as (items: readonly T[], clientMsgId: string, reason: string) => T[],
    markRetry: (items: readonly T[], clientMsgId: string): T[] => mark(items, clientMsgId, null),
    /** The oldest message still to send, so messages reach the server in the order written. */
    nextToSend: (items: readonly T[]): T | undefined => items.find((i) => i[failure] === null),
  };
}

/**
 * Sends each conversation's outbox in order, one message at a time: a message is sent only once
 * the one before it is acknowledged, and what waited through a reconnect goes before anything
 * written later (it is older in the outbox). `send` resolves false to stop until the next flush
 * (offline, or a refusal that may pass).
 */
export function sendInOrder<T>(next: (key: string) => T | undefined, send: (key: string, item: T) => Promise<boolean>) {
  const busy = new Set<string>();
  return async (key: string): Promise<void> => {
    if (busy.has(key)) return;
    busy.add(key);
    try {
      for (let item = next(key); item && (await send(key, item)); item = next(key));
    } finally {
      busy.delete(key);
    }
  };
}

/** Refusals that may pass on their own: the same message is sent again later. */
const transient: ReadonlySet<string> = new Set(['rate_limited', 'unavailable', 'internal']);
export const isTransient = (code: string): boolean => transient.has(code);
