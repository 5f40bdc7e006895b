/** The reconnection delays Socket.IO's client uses by default: 1 s doubling to 5 s, ±50% jitter. */
const MIN_MS = 1_000;
const MAX_MS = 5_000;
const JITTER = 0.5;

/**
 * The delay before reconnection attempt `attempt` (0 first). The jitter spreads the visitors of a
 * restarted server over time instead of bringing them back at once; `random` is in [0, 1).
 */
export function backoff(attempt: number, random = Math.random()): number {
  const base = MIN_MS * 2 ** attempt;
  return Math.floor(Math.min(MAX_MS, base * (1 + JITTER * (2 * random - 1))));
}
