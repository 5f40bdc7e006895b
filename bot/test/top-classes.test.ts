import { describe, expect, it } from 'vitest';
import { topClasses } from '../src/top-classes.ts';

describe('topClasses', () => {
  it('lists the k most probable classes, best first, ties to the lower class', () => {
    const p = Float32Array.from([0.1, 0.3, 0.05, 0.3, 0.2, 0.05]);
    expect(topClasses(p, 3)).toEqual([1, 3, 4]);
    expect(topClasses(p, 1)).toEqual([1]);
    expect(topClasses(p, 5)).toEqual([1, 3, 4, 0, 2]);
  });

  it('lists every class when there are fewer than k, and none for k = 0', () => {
    expect(topClasses(Float32Array.from([0.2, 0.8]), 3)).toEqual([1, 0]);
    expect(topClasses(Float32Array.from([0.5, 0.5]), 3)).toEqual([0, 1]);
    expect(topClasses(new Float32Array(0), 3)).toEqual([]);
    expect(topClasses(Float32Array.from([1]), 0)).toEqual([]);
  });

  it('agrees with a full sort on random distributions', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let t = 0; t < 200; t++) {
      // Coarse values, so that ties are common.
      const p = Float32Array.from({ length: 1 + (t % 40) }, () => Math.round(random() * 8) / 8);
      const sorted = Array.from(p.keys()).sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
      expect(topClasses(p, 3)).toEqual(sorted.slice(0, 3));
    }
  });
});
