import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/waits.ts';

/** Each process keeps the sites it has read; a change made by another one must still reach it. */
describe('site settings read from each process’s cache', () => {
  let a: Harness;
  let b: Harness;

  beforeAll(async () => {
    a = await startCascade();
    b = await startCascade({}, { prefix: a.prefix });
  });
  afterAll(async () => {
    await b.close({ keepKeys: true });
    await a.close();
  });

  it('sees a change saved by another process, and then its own', async () => {
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
