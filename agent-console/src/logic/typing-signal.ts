/** When the agent last told the visitor "typing"; null when the visitor was told "stopped". */
export interface TypingSignal {
  sentAt: number | null;
}

export const TYPING_REPEAT_MS = 3000;
export const TYPING_IDLE_MS = 4000;

export const idleSignal: TypingSignal = { sentAt: null };

/**
 * A keystroke sends "typing" at most once per repeat interval, so a fast typist does not
 * flood the server; the visitor's indicator stays lit as long as signals keep coming.
 */
export function onKeystroke(signal: TypingSignal, now: number): { signal: TypingSignal; send: boolean } {
  if (signal.sentAt !== null && now - signal.sentAt < TYPING_REPEAT_MS) return { signal, send: false };
  return { signal: { sentAt: now }, send: true };
}

/** Sending, clearing the box or going idle ends typing; "stopped" is sent only once. */
export function onStop(signal: TypingSignal): { signal: TypingSignal; send: boolean } {
  return signal.sentAt === null ? { signal, send: false } : { signal: idleSignal, send: true };
}
