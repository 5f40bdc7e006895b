import { describe, expect, it } from 'vitest';
import { backoff } from '../src/socket/backoff.ts';

describe('reconnection backoff', () => {
  it('doubles from 1 s up to 5 s without jitter', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoff(n, 0.5))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('spreads each delay by half either way, never past 5 s', () => {
    expect(backoff(0, 0)).toBe(500);
    expect(backoff(0, 0.999_999)).toBe(1499);
    expect(backoff(1, 0)).toBe(1000);
    expect(backoff(2, 0.999_999)).toBe(5000);
    expect(backoff(8, 0)).toBe(5000);
  });

  it('stays within its bounds for any draw', () => {
    for (let i = 0; i < 200; i++) {
      const attempt = i % 6;
      const delay = backoff(attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.min(5000, 500 * 2 ** attempt));
      expect(delay).toBeLessThanOrEqual(5000);
    }
  });
});
