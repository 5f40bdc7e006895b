/**
 * One block of memory for the classifier's training state, lent to each training of a build in
 * turn (the full index, then the confidence fit's folds). The state of a 1,000-entry knowledge
 * base is 67 MB: fresh memory for every training costs a page fault per 4 kB (about a tenth of
 * a second of system time each) and leaves the first pass reading cold pages; the same block,
 * zeroed again, costs a few milliseconds.
 */
export interface TrainingMemory {
  /** `length` zeros; what an earlier `take` returned is overwritten. */
  take(length: number): Float32Array;
}

export function trainingMemory(): TrainingMemory {
  let block = new Float32Array(0);
  // Beyond what was ever lent, the block is still zero.
  let lent = 0;
  return {
    take(length) {
      if (length > block.length) {
        block = new Float32Array(length);
        lent = 0;
      }
      block.fill(0, 0, Math.min(lent, length));
      lent = Math.max(lent, length);
      return block.subarray(0, length);
    },
  };
}
