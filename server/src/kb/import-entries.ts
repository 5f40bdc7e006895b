import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { KB_LIMITS, KbEntry } from '@cascade/shared';
import { z } from 'zod';

const Imported = KbEntry.omit({ updatedAt: true });

/** Entries checked per turn of the event loop. */
const CHUNK = 50;

/**
 * An import's entries, checked a few at a time with the event loop free in between: checking
 * the largest import allowed in one go held the loop for tens of milliseconds. A bad entry is
 * named by its position, as `z.array(…)` would.
 */
export async function importedEntries(raw: unknown, now: number): Promise<KbEntry[]> {
  const items = z.array(z.unknown()).parse(raw);
  // Counted before anything is checked: a longer list could only be refused after the work.
  if (items.length > KB_LIMITS.entries)
    throw new Error(`a knowledge base holds at most ${KB_LIMITS.entries} entries; this import has ${items.length}`);
  const entries: KbEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % CHUNK === 0) await yieldToLoop();
    const r = Imported.safeParse(items[i]);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new Error(`${[i, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'invalid entry'}`);
    }
    entries.push({ ...r.data, updatedAt: now });
  }
  return entries;
}
