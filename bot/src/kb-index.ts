import type { KbEntry } from '@cascade/shared';
import { softmaxModel, trainSoftmax, type SoftmaxModel } from './classifier.ts';
import {
  buildFeatureSpace,
  featureSpace,
  type FeatureSpace,
  type FeatureSpaceState,
  type SparseVector,
} from './features.ts';
import { normalize } from './normalize.ts';
import { terms } from './tokens.ts';

/**
 * The searchable form of a knowledge base: every question and phrasing of every entry, in
 * every language, as a TF-IDF vector labelled with its entry, plus a softmax classifier
 * trained on them. Ranking asks the classifier which entries are likely, then checks the few
 * best against their closest phrasing: the classifier generalises across phrasings, the
 * similarity says how close the visitor's words really are (an absolute measure that stays
 * meaningful when the knowledge base holds only a handful of entries, where classifier
 * probabilities are high for anything). The closest phrasing separates out-of-scope
 * questions better on validation data than the centroid of an entry's phrasings does.
 */
export interface KbIndex {
  readonly entries: readonly KbEntry[];
  readonly space: FeatureSpace;
  readonly model: SoftmaxModel;
  readonly phrasings: readonly SparseVector[];
  /** Phrasing numbers per entry number. */
  readonly phrasingsOf: readonly Int32Array[];
  /** Scratch space for similarity: the query's weights spread out by feature id. */
  readonly dense: Float32Array;
}

export interface Candidate {
  entry: number;
  /** Classifier probability. */
  probability: number;
  /** Cosine similarity to the entry's closest phrasing. */
  similarity: number;
  /** probability x similarity (0 below `MIN_SIMILARITY`): what candidates are ranked by, before calibration. */
  score: number;
}

/**
 * Below this similarity to its closest phrasing an entry is never offered, however sure the
 * classifier is: with few entries the classifier is sure of something for any text at all.
 * Set on CLINC150 validation, where it drops 1 of 2,796 right answers.
 */
export const MIN_SIMILARITY = 0.15;

/** Entries re-checked against their phrasings: 3 scored as well as 5 on validation, for less work. */
const RERANKED = 3;

/**
 * The classifier's weights are dense, features x entries: the features kept are capped so
 * that they stay under this many (32 MB of weights, twice that while training) and under
 * `MAX_FEATURES`. CLINC150 (150 entries, about 47,000 features) fits whole.
 */
export const MAX_WEIGHTS = 2 ** 23;
export const MAX_FEATURES = 2 ** 17;

export function buildIndex(entries: readonly KbEntry[]): KbIndex {
  const texts: string[][] = [];
  const labels: number[] = [];
  entries.forEach((entry, e) => {
    for (const content of Object.values(entry.content)) {
      for (const text of new Set([content.question, ...content.phrasings])) {
        const normalized = normalize(text);
        if (normalized.length === 0) continue;
        texts.push(terms(normalized));
        labels.push(e);
      }
    }
  });
  const maxFeatures = Math.min(MAX_FEATURES, Math.floor(MAX_WEIGHTS / Math.max(1, entries.length)));
  const { space, vectors } = buildFeatureSpace(texts, undefined, maxFeatures);
  const model = trainSoftmax(vectors, Int32Array.from(labels), entries.length, space.size);
  return assemble(entries, space, model, vectors, labels);
}

function assemble(
  entries: readonly KbEntry[],
  space: FeatureSpace,
  model: SoftmaxModel,
  phrasings: readonly SparseVector[],
  labels: ArrayLike<number>,
): KbIndex {
  const phrasingsOf: number[][] = entries.map(() => []);
  for (let p = 0; p < labels.length; p++) phrasingsOf[labels[p] as number]?.push(p);
  return {
    entries,
    space,
    model,
    phrasings,
    phrasingsOf: phrasingsOf.map((l) => Int32Array.from(l)),
    dense: new Float32Array(space.size),
  };
}

/** An index without its entries as plain data: strings and typed arrays, ready to cross threads. */
export interface IndexState {
  readonly space: FeatureSpaceState;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  /** Phrasing vectors end to end: vector p is `[offsets[p], offsets[p + 1])` of `indices` and `values`. */
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
  /** Entry number of each phrasing. */
  readonly labels: Int32Array;
}

export function indexState(index: KbIndex): IndexState {
  const offsets = new Int32Array(index.phrasings.length + 1);
  index.phrasings.forEach((v, p) => (offsets[p + 1] = (offsets[p] as number) + v.indices.length));
  const total = offsets[index.phrasings.length] as number;
  const indices = new Int32Array(total);
  const values = new Float32Array(total);
  index.phrasings.forEach((v, p) => {
    indices.set(v.indices, offsets[p]);
    values.set(v.values, offsets[p]);
  });
  const labels = new Int32Array(index.phrasings.length);
  index.phrasingsOf.forEach((own, e) => own.forEach((p) => (labels[p] = e)));
  return {
    space: index.space.state,
    weights: index.model.weights,
    bias: index.model.bias,
    offsets,
    indices,
    values,
    labels,
  };
}

/** The index again, over the same `entries` it was built from; the arrays are used, not copied. */
export function indexFromState(entries: readonly KbEntry[], state: IndexState): KbIndex {
  if (state.bias.length !== entries.length) throw new Error('the index was built from other entries');
  const phrasings: SparseVector[] = [];
  for (let p = 0; p < state.labels.length; p++) {
    const [from, to] = [state.offsets[p] as number, state.offsets[p + 1] as number];
    phrasings.push({ indices: state.indices.subarray(from, to), values: state.values.subarray(from, to) });
  }
  return assemble(entries, featureSpace(state.space), softmaxModel(state.weights, state.bias), phrasings, state.labels);
}

/** The buffers of a state, to transfer rather than copy. */
export function indexBuffers(state: IndexState): ArrayBuffer[] {
  const { vocabulary, idf, blockOf } = state.space;
  const arrays = [vocabulary.starts, vocabulary.slots, idf, blockOf, state.weights, state.bias];
  arrays.push(state.offsets, state.indices, state.values, state.labels);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

function similarity(index: KbIndex, entry: number): number {
  const { dense, phrasings } = index;
  const own = index.phrasingsOf[entry] as Int32Array;
  let best = 0;
  for (let k = 0; k < own.length; k++) {
    const { indices, values } = phrasings[own[k] as number] as SparseVector;
    let dot = 0;
    for (let i = 0; i < indices.length; i++) dot += (values[i] as number) * (dense[indices[i] as number] as number);
    if (dot > best) best = dot;
  }
  return best;
}

/** The best entries for a normalised query, best first (at most `RERANKED`). */
export function rank(index: KbIndex, normalized: string): Candidate[] {
  const classes = index.entries.length;
  if (classes === 0) return [];
  const query = index.space.vector(terms(normalized));
  if (query.indices.length === 0) return [];
  const probabilities = new Float32Array(classes);
  index.model.probabilities(query, probabilities);

  const top: number[] = [];
  for (let c = 0; c < classes; c++) {
    if (
      top.length < RERANKED ||
      (probabilities[c] as number) > (probabilities[top[top.length - 1] as number] as number)
    ) {
      top.push(c);
      top.sort((a, b) => (probabilities[b] as number) - (probabilities[a] as number));
      if (top.length > RERANKED) top.pop();
    }
  }

  const { dense } = index;
  for (let i = 0; i < query.indices.length; i++) dense[query.indices[i] as number] = query.values[i] as number;
  const candidates = top.map((entry) => {
    const probability = probabilities[entry] as number;
    const sim = similarity(index, entry);
    return { entry, probability, similarity: sim, score: sim >= MIN_SIMILARITY ? probability * sim : 0 };
  });
  for (let i = 0; i < query.indices.length; i++) dense[query.indices[i] as number] = 0;
  return candidates.sort((a, b) => b.score - a.score || b.similarity - a.similarity);
}
