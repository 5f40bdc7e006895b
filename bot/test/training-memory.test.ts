import { describe, expect, it } from 'vitest';
import { trainingMemory } from '../src/training-memory.ts';

describe('training memory', () => {
  it('lends zeros every time, whatever was written before and whatever the lengths', () => {
    const memory = trainingMemory();
    for (const length of [8, 3, 6, 8, 2, 12]) {
      const block = memory.take(length);
      expect(block.length).toBe(length);
      expect(block.every((v) => v === 0)).toBe(true);
      block.fill(7);
    }
  });

  it('lends the same block again when it is long enough', () => {
    const memory = trainingMemory();
    const first = memory.take(10);
    expect(memory.take(6).buffer).toBe(first.buffer);
    expect(memory.take(11).buffer).not.toBe(first.buffer);
  });
});
