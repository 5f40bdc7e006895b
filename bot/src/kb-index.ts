import type { KbEntry } from '@cascade/shared';
import { softmaxModel, type SparseRows } from './classifier.ts';
import type { ConfidenceModel } from './confidence.ts';
import { featureSpace, type FeatureSpaceState, type SparseVector } from './features.ts';
import { fitConfidence } from './kb-calibration.ts';
import { buildModel, type KbModel } from './kb-model.ts';
import { normalize } from './normalize.ts';
import { termDictionary } from './term-ids.ts';
import { trainingMemory } from './training-memory.ts';

export { MAX_FEATURES, MAX_WEIGHTS, MIN_SIMILARITY, rank, type Candidate } from './kb-model.ts';

/**
 * The searchable form of a knowledge base: the retrieval model over every question and
 * phrasing of every entry, in every language (`kb-model.ts`), and the confidence model
 * fitted on this knowledge base's own phrasings (`kb-calibration.ts`). Plain data and typed
 * arrays only.
 */
export interface KbIndex extends KbModel {
  readonly entries: readonly KbEntry[];
  readonly confidence: ConfidenceModel;
}

export function buildIndex(entries: readonly KbEntry[]): KbIndex {
  const normalized: string[] = [];
  const dictionary = termDictionary();
  const docs: Int32Array[] = [];
  const labels: number[] = [];
  entries.forEach((entry, e) => {
    for (const content of Object.values(entry.content)) {
      for (const text of new Set([content.question, ...content.phrasings])) {
        const n = normalize(text);
        if (n.length === 0) continue;
        normalized.push(n);
        docs.push(dictionary.addText(n));
        labels.push(e);
      }
    }
  });
  const texts = { terms: dictionary.terms, docs };
  const memory = trainingMemory();
  const model = buildModel(texts, labels, entries.length, { memory, weightsInMemory: false });
  return { ...model, entries, confidence: fitConfidence(entries, normalized, texts, labels, model, memory) };
}

/** Int32Arrays end to end: array i is `[offsets[i], offsets[i + 1])` of `items`. */
interface Packed {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

function pack(arrays: readonly Int32Array[]): Packed {
  const offsets = new Int32Array(arrays.length + 1);
  arrays.forEach((a, i) => (offsets[i + 1] = (offsets[i] as number) + a.length));
  const items = new Int32Array(offsets[arrays.length] as number);
  arrays.forEach((a, i) => items.set(a, offsets[i]));
  return { offsets, items };
}

function unpack({ offsets, items }: Packed): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) out.push(items.subarray(offsets[i], offsets[i + 1]));
  return out;
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
  readonly phrasingsOf: Packed;
  readonly wordsOf: Packed;
  readonly confidence: Float64Array;
  /** The model's sparse rows, so that the thread that serves scores as fast as the one that built it. */
  readonly rows?: SparseRows;
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
  return {
    space: index.space.state,
    weights: index.model.weights,
    bias: index.model.bias,
    offsets,
    indices,
    values,
    phrasingsOf: pack(index.phrasingsOf),
    wordsOf: pack(index.wordsOf),
    confidence: Float64Array.from(index.confidence.weights),
    ...(index.model.rows ? { rows: index.model.rows } : {}),
  };
}

/** The index again, over the same `entries` it was built from; the arrays are used, not copied. */
export function indexFromState(entries: readonly KbEntry[], state: IndexState): KbIndex {
  if (state.bias.length !== entries.length) throw new Error('the index was built from other entries');
  const phrasings: SparseVector[] = [];
  for (let p = 0; p + 1 < state.offsets.length; p++) {
    const [from, to] = [state.offsets[p] as number, state.offsets[p + 1] as number];
    phrasings.push({ indices: state.indices.subarray(from, to), values: state.values.subarray(from, to) });
  }
  const space = featureSpace(state.space);
  return {
    classes: entries.length,
    space,
    model: softmaxModel(state.weights, state.bias, state.rows),
    phrasings,
    phrasingsOf: unpack(state.phrasingsOf),
    wordsOf: unpack(state.wordsOf),
    dense: new Float32Array(space.size),
    entries,
    confidence: { weights: Array.from(state.confidence) },
  };
}

/** The buffers of a state, to transfer rather than copy. */
export function indexBuffers(state: IndexState): ArrayBuffer[] {
  const { vocabulary, idf, blockOf } = state.space;
  const arrays: ArrayBufferView[] = [vocabulary.starts, vocabulary.slots, idf, blockOf, state.weights, state.bias];
  arrays.push(state.offsets, state.indices, state.values, state.confidence);
  for (const p of [state.phrasingsOf, state.wordsOf]) arrays.push(p.offsets, p.items);
  if (state.rows) arrays.push(state.rows.offsets, state.rows.classes, state.rows.weights, state.rows.dense);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
