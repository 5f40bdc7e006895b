/**
 * A waiting line's score: higher priority first, then earlier enqueue time. Re-queued
 * chats (their agent left) use priority 10 so they go back to the front.
 */
const PRIORITY_SPAN = 1e13;
export const FRONT_PRIORITY = 10;

export function queueScore(priority: number, enqueuedAt: number): number {
  return (FRONT_PRIORITY - priority) * PRIORITY_SPAN + enqueuedAt;
}
