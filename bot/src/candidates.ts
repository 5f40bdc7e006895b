import type { SparseVector } from './features.ts';

/**
 * The classes each training example is taught against: its own class and the `max` classes
 * whose phrasings share the most distinctive features with it (words, pairs and n-grams used
 * by at most `distinctive` classes, weighted by the example's value and by how few classes
 * use them). With many classes nearly all of them sit at probability ~0 for an example and
 * are skipped by the gradient floor anyway; a softmax over these few instead of all of them
 * is what keeps a 1,000-entry knowledge base quick to train. Classes are listed in ascending
 * order; `null` (every class, as a plain softmax) up to `everyClassUpTo` classes.
 */
export interface Candidates {
  /**
   * Example k's classes are `classes[offsets[k]] .. classes[offsets[k] + counts[k] - 1]`; the
   * list may shrink as training learns which candidates matter (`narrow`).
   */
  readonly offsets: Int32Array;
  readonly counts: Int32Array;
  readonly classes: Int32Array;
}

/**
 * Keeps only example k's own class and the candidates whose probability `p[j]` (j-th listed)
 * reached `least`, in order. After a pass, most of the chosen classes sit far below the
 * gradient floor: the few left are the example's hard negatives, and the passes after that
 * cost a fraction of the first.
 */
export function narrow(candidates: Candidates, k: number, own: number, p: Float32Array, least: number): void {
  const { classes, offsets, counts } = candidates;
  const from = offsets[k] as number;
  const n = counts[k] as number;
  let kept = 0;
  for (let j = 0; j < n; j++) {
    const c = classes[from + j] as number;
    if ((p[j] as number) >= least || c === own) classes[from + kept++] = c;
  }
  counts[k] = kept;
}

/** Feature -> the distinct classes of the examples that use it, ascending. */
function classesByFeature(xs: readonly SparseVector[], ys: Int32Array, features: number) {
  const byClass = Int32Array.from(xs.keys()).sort((a, b) => (ys[a] as number) - (ys[b] as number) || a - b);
  const last = new Int32Array(features).fill(-1);
  const count = new Int32Array(features + 1);
  const visit = (use: (f: number, c: number) => void) => {
    last.fill(-1);
    for (const k of byClass) {
      const c = ys[k] as number;
      for (const f of (xs[k] as SparseVector).indices) {
        if (last[f] === c) continue;
        last[f] = c;
        use(f, c);
      }
    }
  };
  visit((f) => (count[f + 1] = (count[f + 1] as number) + 1));
  for (let f = 0; f < features; f++) count[f + 1] = (count[f + 1] as number) + (count[f] as number);
  const starts = count.slice();
  const items = new Int32Array(count[features] as number);
  visit((f, c) => {
    items[starts[f] as number] = c;
    starts[f] = (starts[f] as number) + 1;
  });
  return { offsets: count, items };
}

export function candidateClasses(
  xs: readonly SparseVector[],
  ys: Int32Array,
  classes: number,
  features: number,
  max: number,
  distinctive: number,
  everyClassUpTo: number,
): Candidates | null {
  if (classes <= Math.max(everyClassUpTo, max + 1)) return null;
  const offsets = new Int32Array(xs.length + 1);
  const postings = classesByFeature(xs, ys, features);
  const score = new Float64Array(classes);
  const touched = new Int32Array(classes);
  const top = new Int32Array(max);
  const better = (sc: number, c: number, than: number) =>
    sc > (score[than] as number) || (sc === score[than] && c < than);
  const out = new Int32Array(xs.length * (max + 1));
  let size = 0;
  xs.forEach((x, k) => {
    const own = ys[k] as number;
    let n = 0;
    for (let i = 0; i < x.indices.length; i++) {
      const f = x.indices[i] as number;
      const from = postings.offsets[f] as number;
      const to = postings.offsets[f + 1] as number;
      if (to - from > distinctive) continue;
      const weight = (x.values[i] as number) * Math.log(classes / (to - from));
      for (let j = from; j < to; j++) {
        const c = postings.items[j] as number;
        if (c === own) continue;
        if (score[c] === 0) touched[n++] = c;
        score[c] = (score[c] as number) + weight;
      }
    }
    // The best `max` by score (ties to the lower class) in a heap with the worst of them on top:
    // a class that does not beat it costs one comparison, one that does a few.
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const c = touched[i] as number;
      const sc = score[c] as number;
      if (kept < max) {
        let at = kept++;
        while (at > 0) {
          const up = (at - 1) >> 1;
          const parent = top[up] as number;
          if (!better(score[parent] as number, parent, c)) break;
          top[at] = parent;
          at = up;
        }
        top[at] = c;
      } else if (better(sc, c, top[0] as number)) {
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= kept) break;
          const left = top[child] as number;
          // The worse of the two children moves up if the new class beats it.
          if (child + 1 < kept && better(score[left] as number, left, top[child + 1] as number)) child++;
          const worse = top[child] as number;
          if (!better(sc, c, worse)) break;
          top[at] = worse;
          at = child;
        }
        top[at] = c;
      }
    }
    for (let i = 0; i < n; i++) score[touched[i] as number] = 0;
    // Into `out` in ascending order by insertion: a typed array's sort per example, and the
    // views it needs, cost more than the sorting itself.
    out[size] = own;
    for (let i = 0; i < kept; i++) {
      const c = top[i] as number;
      let at = size + i + 1;
      for (; at > size && (out[at - 1] as number) > c; at--) out[at] = out[at - 1] as number;
      out[at] = c;
    }
    size += kept + 1;
    offsets[k + 1] = size;
  });
  const counts = new Int32Array(xs.length);
  for (let k = 0; k < xs.length; k++) counts[k] = (offsets[k + 1] as number) - (offsets[k] as number);
  return { offsets, counts, classes: out.slice(0, size) };
}
