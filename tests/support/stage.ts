import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { startCascade, type Harness } from './harness.ts';

export type Stage = { h: Harness; browser: Browser };

/**
 * A real server and Debian's Chromium for one test file: started together before its tests,
 * closed after them. `before` runs first (a check, or a service the server needs).
 */
export function serverAndBrowser(
  options: { before?: () => void | Promise<void>; start?: () => Promise<Harness> } = {},
): Stage {
  const stage = {} as Stage;
  beforeAll(async () => {
    await options.before?.();
    [stage.h, stage.browser] = await Promise.all([(options.start ?? (() => startCascade()))(), launchChromium()]);
  });
  afterAll(async () => {
    // Either may be unset when the start failed.
    const { h, browser } = stage as Partial<Stage>;
    await browser?.close();
    await h?.close();
  });
  return stage;
}
