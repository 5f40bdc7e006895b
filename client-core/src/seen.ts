import { compareIds } from './ids.ts';

/**
 * Which message carries the "Seen" mark: the newest one of `mine` (what this side wrote) that
 * the other side has seen, so the mark sits once, under the last message it covers.
 */
export function seenMark<T extends { id: string }>(
  messages: readonly T[],
  seenUpTo: string | null | undefined,
  mine: (m: T) => boolean,
): string | null {
  if (!seenUpTo) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (mine(m) && compareIds(m.id, seenUpTo) <= 0) return m.id;
  }
  return null;
}
