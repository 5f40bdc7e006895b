/** At most one typing signal per side of a conversation every this many milliseconds. */
export const TYPING_INTERVAL_MS = 2000;

type Side = {
  /** The state last passed on, and when. */
  last: boolean | null;
  at: number;
  /** The newest state held back meanwhile, sent when the interval is over if it differs. */
  pending: boolean | null;
  send: (typing: boolean) => void;
  timer: ReturnType<typeof setTimeout> | null;
};

/**
 * Typing signals are cheap to send and costly to fan out: a script can send hundreds a second.
 * Per key (conversation and side) the first passes at once; later ones within the interval are
 * held, and only the newest is passed on when it ends, so the indicator still ends right.
 * Kept in the process: the signal is a hint, and every process limits its own sockets.
 */
export function typingThrottle(intervalMs = TYPING_INTERVAL_MS) {
  const sides = new Map<string, Side>();

  function flush(key: string): void {
    const side = sides.get(key);
    if (!side) return;
    side.timer = null;
    if (side.pending !== null && side.pending !== side.last) {
      side.send(side.pending);
      side.last = side.pending;
      side.at = Date.now();
    }
    side.pending = null;
    // Quiet sides are forgotten; one that just sent is kept so the next signal waits its turn.
    if (Date.now() - side.at >= intervalMs) sides.delete(key);
    else side.timer = later(key, intervalMs - (Date.now() - side.at));
  }

  /** A held signal never keeps the process alive. */
  const later = (key: string, ms: number) => setTimeout(() => flush(key), ms).unref();

  return {
    push(key: string, typing: boolean, send: (typing: boolean) => void): void {
      const now = Date.now();
      const side = sides.get(key);
      if (!side) {
        send(typing);
        sides.set(key, { last: typing, at: now, pending: null, send, timer: later(key, intervalMs) });
        return;
      }
      side.send = send;
      side.pending = typing;
    },
    close(): void {
      for (const side of sides.values()) if (side.timer) clearTimeout(side.timer);
      sides.clear();
    },
  };
}
export type TypingThrottle = ReturnType<typeof typingThrottle>;
