import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

/**
 * How long one step (an event, an ack, a page change, a state to settle) may take before a test
 * gives up with the step's name. Sized for a loaded two-core machine, not for a quiet one: a wait
 * that only fails when a neighbour is busy is a flake, not a finding.
 */
export const STEP_TIMEOUT_MS = 20_000;

/** How often a poll asks again when there is no event to await. */
export const POLL_INTERVAL_MS = 50;

type WaitOptions = { timeoutMs?: number; intervalMs?: number };

/**
 * Reads `read()` until `done` holds for its value and returns that value; fails after the
 * timeout naming `what` and the last value seen. For state that has no event to await.
 */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = STEP_TIMEOUT_MS, intervalMs = POLL_INTERVAL_MS }: WaitOptions = {},
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(value)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Settles with `promise`, or fails after the timeout naming `what`. */
export function withTimeout<T>(what: string, promise: Promise<T>, timeoutMs = STEP_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * A browser context whose every action and wait gives up after one step's time, with its name.
 * It asks for reduced motion unless told otherwise: Chromium without a GPU draws every frame of an
 * endless animation (the console's live dot) in software, about a seventh of a core per page.
 */
export async function browserContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return context;
}

/**
 * The whole-test limit for a test that walks a scenario of many steps, each already bounded by
 * STEP_TIMEOUT_MS: on a busy machine the sum of honest steps is long, and only a stuck step is a
 * failure.
 */
export const SCENARIO_TIMEOUT_MS = 240_000;
