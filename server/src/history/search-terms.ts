import { normalize } from '@cascade/bot';

/** Words of a search beyond this many add nothing but cost. */
const MAX_WORDS = 8;

/**
 * A `to_tsquery('simple', …)` text for what a person typed: the bot's normaliser first (as the
 * messages were indexed), then every word must appear, as a word or the start of one, so
 * "refund" finds "refunded" and "سفار" finds "سفارش". Null when nothing searchable is left.
 * The normaliser leaves letters and digits only, so no query operator can be smuggled in.
 */
export function searchTerms(typed: string): string | null {
  const words = normalize(typed).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w) => `'${w.replace(/'/g, "''")}':*`).join(' & ');
}
