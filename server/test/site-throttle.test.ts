import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { siteThrottle } from '../src/waterfall/site-throttle.ts';

describe('a per-site throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const recorder = () => {
    const runs: string[] = [];
    const t = siteThrottle(
      (siteId) => {
        runs.push(siteId);
        return Promise.resolve();
      },
      2000,
      () => {},
    );
    return { runs, t };
  };

  it('runs a quiet site at once', async () => {
    const { runs, t } = recorder();
    await t.request('a');
    expect(runs).toEqual(['a']);
  });

  it('folds a burst into one more pass at the end of the interval', async () => {
    const { runs, t } = recorder();
    await t.request('a');
    for (let i = 0; i < 500; i++) await t.request('a');
    expect(runs).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1999);
    expect(runs).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['a', 'a']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toEqual(['a', 'a']);
  });

  it('keeps sites apart', async () => {
    const { runs, t } = recorder();
    await t.request('a');
    await t.request('b');
    await t.request('a');
    expect(runs).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('runs nothing more once stopped, and reports a failed pass', async () => {
    const errors: string[] = [];
    const t = siteThrottle(
      () => Promise.reject(new Error('redis gone')),
      2000,
      (e, siteId) => errors.push(`${siteId}: ${(e as Error).message}`),
    );
    await t.request('a');
    expect(errors).toEqual(['a: redis gone']);
    await t.request('a');
    t.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(errors).toEqual(['a: redis gone']);
  });
});
