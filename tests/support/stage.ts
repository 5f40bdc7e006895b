import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { startCascade, type Harness } from './harness.ts';
import { waitUntil } from './waits.ts';

export type Stage = { h: Harness; browser: Browser };

/** Whether a console closed in the browser is still an agent's open connection, as the server sees it. */
async function consolesLingering(h: Harness): Promise<boolean> {
  const sockets = await h.cascade.io.of('/agent').local.fetchSockets();
  if (sockets.some((s) => s.handshake.headers['user-agent']?.includes('Chrome'))) return true;
  // Gone from the socket server, its agent is set offline a few Redis round trips later.
  for (const demo of h.demos)
    for (const id of await h.cascade.routing.online(demo.siteId))
      if (!(await h.cascade.notify.agentConnected(id))) return true;
  return false;
}

/**
 * A real server and Debian's Chromium for one test file: started together before its tests,
 * closed after them. `before` runs first (a check, or a service the server needs). After each
 * test its pages are closed and the server has let their agents go: a console closed a moment
 * ago would otherwise still be online and take the next test's chats.
 */
export function serverAndBrowser(
  options: { before?: () => void | Promise<void>; start?: () => Promise<Harness> } = {},
): Stage {
  const stage = {} as Stage;
  beforeAll(async () => {
    await options.before?.();
    [stage.h, stage.browser] = await Promise.all([(options.start ?? (() => startCascade()))(), launchChromium()]);
  });
  afterEach(async () => {
    const { h, browser } = stage as Partial<Stage>;
    if (!h || !browser) return;
    await Promise.all(browser.contexts().map((c) => c.close()));
    await waitUntil(
      'the closed consoles to leave the server',
      () => consolesLingering(h),
      (left) => !left,
    );
  });
  afterAll(async () => {
    // Either may be unset when the start failed.
    const { h, browser } = stage as Partial<Stage>;
    await browser?.close();
    await h?.close();
  });
  return stage;
}

/** One server for a whole test file, started before its tests and closed after them; `ready` hands it over. */
export function cascadeForFile(ready: (h: Harness) => void, env: Record<string, string> = {}): void {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startCascade(env);
    ready(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}

export type Pair = { a: Harness; b: Harness };

/** Two servers on one prefix, as two processes of one deployment, for one test file; the keys go once both are closed. */
export function twoProcesses(): Pair {
  const pair = {} as Pair;
  beforeAll(async () => {
    pair.a = await startCascade();
    pair.b = await startCascade({}, { prefix: pair.a.prefix });
  });
  afterAll(async () => {
    const { a, b } = pair as Partial<Pair>;
    await b?.close({ keepKeys: true });
    await a?.close();
  });
  return pair;
}
