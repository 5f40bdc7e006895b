import type { TermDocuments } from './term-ids.ts';

/**
 * Each document's distinct features, ascending, with how often the document uses each, in flat
 * arrays: document d is `[offsets[d], offsets[d + 1])` of `ids` and `counts`. Features are
 * numbered as their terms are first seen in the documents.
 */
export interface FeatureCounts {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Uint16Array;
  /** Term id (in the dictionary) of each feature. */
  readonly termOf: Int32Array;
  /** How many documents use each feature. */
  readonly documentFrequency: Float64Array;
}

/**
 * Sorted without comparing: the (document, feature) pairs are bucketed by feature, then dealt
 * back to their documents in feature order, so every document's features come out ascending
 * with repeats side by side. A knowledge base of 10,000 phrasings has about a million terms;
 * sorting each phrasing in its own small array cost more than the rest of building its space.
 */
export function countFeatures(source: TermDocuments): FeatureCounts {
  const { docs } = source;
  const featureOf = new Int32Array(source.terms.length).fill(-1);
  const termOf: number[] = [];
  const starts = new Int32Array(docs.length + 1);
  docs.forEach((doc, d) => (starts[d + 1] = (starts[d] as number) + doc.length));
  const total = starts[docs.length] as number;
  const pairs = new Int32Array(total);
  let at = 0;
  for (const doc of docs) {
    for (let i = 0; i < doc.length; i++) {
      const term = doc[i] as number;
      let id = featureOf[term] as number;
      if (id === -1) {
        id = termOf.length;
        featureOf[term] = id;
        termOf.push(term);
      }
      pairs[at++] = id;
    }
  }
  const features = termOf.length;
  const byFeature = new Int32Array(features + 1);
  for (let i = 0; i < total; i++)
    byFeature[(pairs[i] as number) + 1] = (byFeature[(pairs[i] as number) + 1] as number) + 1;
  for (let f = 0; f < features; f++) byFeature[f + 1] = (byFeature[f + 1] as number) + (byFeature[f] as number);
  const docOf = new Int32Array(total);
  const next = byFeature.slice(0, features);
  for (let d = 0; d < docs.length; d++) {
    for (let i = starts[d] as number; i < (starts[d + 1] as number); i++) {
      const f = pairs[i] as number;
      docOf[next[f] as number] = d;
      next[f] = (next[f] as number) + 1;
    }
  }
  // Dealt back by feature: `pairs` now holds each document's features ascending.
  const cursor = starts.slice(0, docs.length);
  for (let f = 0; f < features; f++) {
    for (let j = byFeature[f] as number; j < (byFeature[f + 1] as number); j++) {
      const d = docOf[j] as number;
      pairs[cursor[d] as number] = f;
      cursor[d] = (cursor[d] as number) + 1;
    }
  }
  const offsets = new Int32Array(docs.length + 1);
  const ids = new Int32Array(total);
  const counts = new Uint16Array(total);
  const documentFrequency = new Float64Array(features);
  let n = 0;
  for (let d = 0; d < docs.length; d++) {
    const from = n;
    for (let i = starts[d] as number; i < (starts[d + 1] as number); i++) {
      const f = pairs[i] as number;
      if (n > from && ids[n - 1] === f) counts[n - 1] = (counts[n - 1] as number) + 1;
      else {
        ids[n] = f;
        counts[n++] = 1;
        documentFrequency[f] = (documentFrequency[f] as number) + 1;
      }
    }
    offsets[d + 1] = n;
  }
  return { offsets, ids, counts, termOf: Int32Array.from(termOf), documentFrequency };
}

/** Only the features with `kept[f] !== -1`, renumbered to `kept[f]` (which keeps their order). */
export function keepFeatures(c: FeatureCounts, kept: Int32Array): FeatureCounts {
  const offsets = new Int32Array(c.offsets.length);
  const ids = new Int32Array(c.ids.length);
  const counts = new Uint16Array(c.ids.length);
  let n = 0;
  for (let d = 0; d + 1 < c.offsets.length; d++) {
    for (let i = c.offsets[d] as number; i < (c.offsets[d + 1] as number); i++) {
      const id = kept[c.ids[i] as number] as number;
      if (id === -1) continue;
      ids[n] = id;
      counts[n++] = c.counts[i] as number;
    }
    offsets[d + 1] = n;
  }
  const termOf = c.termOf.filter((_, f) => kept[f] !== -1);
  const documentFrequency = c.documentFrequency.filter((_, f) => kept[f] !== -1);
  return { offsets, ids, counts, termOf, documentFrequency };
}
