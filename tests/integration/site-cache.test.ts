import { describe, expect, it } from 'vitest';
import { twoProcesses } from '../support/stage.ts';
import { waitUntil } from '../support/waits.ts';

/** Each process keeps the sites it has read; a change made by another one must still reach it. */
describe('site settings read from each process’s cache', () => {
  const pair = twoProcesses();

  it('sees a change saved by another process, and then its own', async () => {
    const { a, b } = pair;
    const siteId = a.demo.siteId;
    // Read (and so cached) in both processes first.
    expect((await a.cascade.sites.get(siteId))?.maxWaitSeconds).toBeDefined();
    expect((await b.cascade.sites.get(siteId))?.maxWaitSeconds).toBeDefined();

    await b.configureSite({ maxWaitSeconds: 4321 });
    await waitUntil(
      'the other process to read the new maximum wait',
      async () => (await a.cascade.sites.get(siteId))?.maxWaitSeconds,
      (v) => v === 4321,
    );

    await a.configureSite({ maxWaitSeconds: 1234 });
    expect((await a.cascade.sites.get(siteId))?.maxWaitSeconds).toBe(1234);
    await waitUntil(
      'the first process to read the change made by the other',
      async () => (await b.cascade.sites.get(siteId))?.maxWaitSeconds,
      (v) => v === 1234,
    );
  });
});
