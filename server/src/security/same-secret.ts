import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares digests, so neither the secret's length nor its first wrong character shows in the timing. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
