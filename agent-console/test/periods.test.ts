import { describe, expect, it } from 'vitest';
import { periodRange } from '../src/logic/periods.ts';

describe('periodRange', () => {
  const now = new Date(2026, 10, 23, 15, 30).getTime();

  it('starts today at local midnight', () => {
    expect(periodRange('today', now)).toEqual({ from: new Date(2026, 10, 23).getTime(), to: now });
  });

  it('covers today and the six or twenty-nine whole days before it', () => {
    expect(periodRange('week', now).from).toBe(new Date(2026, 10, 17).getTime());
    expect(periodRange('month', now).from).toBe(new Date(2026, 9, 25).getTime());
  });
});
