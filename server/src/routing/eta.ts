/**
 * How long the chat at `position` (1 = next) will wait.
 *
 * Every eligible agent online works `cap` chats at once, so `slots` chats are in progress
 * when the line is not empty. Each one ends on average `avgHandleSeconds` after it began;
 * with many chats in progress their ends are spread out evenly, so a slot frees every
 * `avgHandleSeconds / slots` seconds, and the chat at `position` gets the `position`-th one.
 * The average handle time is the mean of the site's recent chats of that skill.
 */
export function estimateWaitSeconds(input: { position: number; slots: number; avgHandleSeconds: number }): number {
  if (input.slots <= 0) return Math.round(input.position * input.avgHandleSeconds);
  return Math.round((input.position * input.avgHandleSeconds) / input.slots);
}

/** Used until a site has handled chats of a skill. */
export const DEFAULT_HANDLE_SECONDS = 240;

export function averageHandleSeconds(recent: number[]): number {
  if (recent.length === 0) return DEFAULT_HANDLE_SECONDS;
  return recent.reduce((a, b) => a + b, 0) / recent.length;
}
