import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CascadeError, KB_LIMITS, trainingChars, type KbEntry } from '@cascade/shared';

/** Entries read per turn of the event loop: each turn stays far under a millisecond per hundred. */
const CHUNK = 200;

/**
 * Refuses a write that would take the knowledge base past `KB_LIMITS`: `stored` is the stored
 * entries' JSON (null when the write replaces them all), `incoming` the entries written. Stored
 * entries are read a chunk at a time, so a big knowledge base never holds the event loop.
 */
export async function checkKbLimits(stored: string[] | null, incoming: readonly KbEntry[]): Promise<void> {
  const chars = new Map<string, number>();
  for (let i = 0; stored && i < stored.length; i += CHUNK) {
    for (const raw of stored.slice(i, i + CHUNK)) {
      const entry = JSON.parse(raw) as KbEntry;
      chars.set(entry.id, trainingChars(entry));
    }
    await yieldToLoop();
  }
  for (const entry of incoming) chars.set(entry.id, trainingChars(entry));
  if (chars.size > KB_LIMITS.entries)
    throw new CascadeError(
      'invalid_payload',
      `a knowledge base holds at most ${KB_LIMITS.entries} entries; this would make ${chars.size}`,
    );
  let total = 0;
  for (const n of chars.values()) total += n;
  if (total > KB_LIMITS.trainingChars)
    throw new CascadeError(
      'invalid_payload',
      `the questions and phrasings of a knowledge base total at most ${KB_LIMITS.trainingChars} characters; this would make ${total}`,
    );
}
