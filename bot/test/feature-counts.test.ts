import { describe, expect, it } from 'vitest';
import { countFeatures, keepFeatures } from '../src/feature-counts.ts';

const docs = {
  terms: ['wa', 'wb', 'wc', 'wd'],
  docs: [Int32Array.of(2, 0, 2, 1), Int32Array.of(), Int32Array.of(1, 3, 1, 1)],
};
const segment = (a: ArrayLike<number>, offsets: Int32Array, d: number) =>
  Array.from(a).slice(offsets[d], offsets[d + 1]);

describe('feature counts', () => {
  it('numbers features as their terms are first seen and lists each document’s ascending, with counts', () => {
    const c = countFeatures(docs);
    expect(Array.from(c.termOf)).toEqual([2, 0, 1, 3]);
    expect(segment(c.ids, c.offsets, 0)).toEqual([0, 1, 2]);
    expect(segment(c.counts, c.offsets, 0)).toEqual([2, 1, 1]);
    expect(segment(c.ids, c.offsets, 1)).toEqual([]);
    expect(segment(c.ids, c.offsets, 2)).toEqual([2, 3]);
    expect(segment(c.counts, c.offsets, 2)).toEqual([3, 1]);
    expect(Array.from(c.documentFrequency)).toEqual([1, 1, 2, 1]);
  });

  it('keeps only the features asked for, renumbered in their order', () => {
    const c = keepFeatures(countFeatures(docs), Int32Array.of(-1, 0, 1, -1));
    expect(Array.from(c.termOf)).toEqual([0, 1]);
    expect(segment(c.ids, c.offsets, 0)).toEqual([0, 1]);
    expect(segment(c.counts, c.offsets, 0)).toEqual([1, 1]);
    expect(segment(c.ids, c.offsets, 2)).toEqual([1]);
    expect(segment(c.counts, c.offsets, 2)).toEqual([3]);
    expect(Array.from(c.documentFrequency)).toEqual([1, 2]);
  });
});
