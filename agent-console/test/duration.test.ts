import { describe, expect, it } from 'vitest';
import { durationParts } from '../src/logic/duration.ts';

describe('durationParts', () => {
  it('shows seconds alone under a minute', () => {
    expect(durationParts(45_400)).toEqual([{ unit: 's', n: 45 }]);
  });

  it('shows minutes and seconds under an hour', () => {
    expect(durationParts(192_000)).toEqual([
      { unit: 'm', n: 3 },
      { unit: 's', n: 12 },
    ]);
  });

  it('keeps only the two largest units', () => {
    expect(durationParts((3600 + 5 * 60 + 9) * 1000)).toEqual([
      { unit: 'h', n: 1 },
      { unit: 'm', n: 5 },
    ]);
    expect(durationParts((2 * 86_400 + 3 * 3600 + 59) * 1000)).toEqual([
      { unit: 'd', n: 2 },
      { unit: 'h', n: 3 },
    ]);
  });

  it('drops a trailing zero unit', () => {
    expect(durationParts(2 * 3600 * 1000 + 30_000)).toEqual([{ unit: 'h', n: 2 }]);
  });

  it('treats zero and negative times (clock skew) as 0s', () => {
    expect(durationParts(0)).toEqual([{ unit: 's', n: 0 }]);
    expect(durationParts(-5000)).toEqual([{ unit: 's', n: 0 }]);
  });
});
