/**
 * TF-IDF features over the terms of `tokens.ts`. Words, word pairs and character n-grams
 * are weighted as three blocks, each normalised on its own before they are mixed, so that
 * the many n-grams of a sentence do not drown its few words. Vectors are unit length.
 */

import { STOPWORDS } from './stopwords.ts';
import { countFeatures, keepFeatures } from './feature-counts.ts';
import { termDocuments, type TermDocuments } from './term-ids.ts';
import { CHAR_NGRAM_MAX, terms } from './tokens.ts';
import { buildVocabulary, lookup, type Vocabulary } from './vocabulary.ts';

/** Terms made of function words only: the words, their n-grams, and pairs of them. */
const STOPWORD_TERMS: ReadonlySet<string> = new Set([...STOPWORDS].flatMap((w) => terms(w)));
function isBackgroundTerm(term: string): boolean {
  if (STOPWORD_TERMS.has(term)) return true;
  if (term[0] !== 'b') return false;
  const [first, second] = term.slice(1).split(' ') as [string, string];
  return STOPWORDS.has(first) && STOPWORDS.has(second);
}

export interface SparseVector {
  /** Feature ids, ascending. */
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Relative weight of each term kind (first character of the term) in the final vector. */
export type BlockWeights = Readonly<Record<'w' | 'b' | 'c', number>>;

export const DEFAULT_BLOCK_WEIGHTS: BlockWeights = { w: 1, b: 1, c: 1 };

/**
 * Imagined documents in which every function word occurs (with its n-grams and pairs of
 * function words): a small knowledge base cannot learn from its own handful of phrasings
 * that "what", "is" or "the" carry little meaning, so without them "what is the capital of
 * France" would look like "what is the 50 GB plan".
 * In a large knowledge base they change little: the words are frequent there anyway.
 */
export const BACKGROUND_DOCUMENTS = 1000;

export interface FeatureSpace {
  readonly size: number;
  /** Everything the space is made of, as plain data: see `featureSpace`. */
  readonly state: FeatureSpaceState;
  vector(terms: readonly string[]): SparseVector;
  /** The feature id of a term, if the knowledge base has it. */
  id(term: string): number | undefined;
}

export interface FeatureSpaceState {
  readonly vocabulary: Vocabulary;
  readonly idf: Float32Array;
  /** Block number (index in `BLOCKS`) per feature id. */
  readonly blockOf: Uint8Array;
  readonly blockWeight: readonly number[];
}

const BLOCKS = ['w', 'b', 'c'] as const;

/** Sorted ids with their counts, from an unsorted list of ids. */
function countIds(ids: Int32Array): { unique: Int32Array; counts: Uint16Array } {
  ids.sort();
  const unique = new Int32Array(ids.length);
  const counts = new Uint16Array(ids.length);
  let n = -1;
  for (let i = 0; i < ids.length; i++) {
    if (n >= 0 && unique[n] === ids[i]) counts[n] = (counts[n] as number) + 1;
    else {
      n++;
      unique[n] = ids[i] as number;
      counts[n] = 1;
    }
  }
  return { unique: unique.subarray(0, n + 1), counts: counts.subarray(0, n + 1) };
}

/**
 * Learns the vocabulary and idf from `documents` (lists of terms) and returns the space with
 * the documents' own vectors, so the training set is not looked up twice.
 */
export function buildFeatureSpace(
  documents: readonly (readonly string[])[],
  weights: BlockWeights = DEFAULT_BLOCK_WEIGHTS,
  maxFeatures = Infinity,
): { space: FeatureSpace; vectors: SparseVector[] } {
  return buildFeatureSpaceFromIds(termDocuments(documents), weights, maxFeatures);
}

/**
 * The same from documents already turned into term ids; they may be any subset of the
 * dictionary's documents. Features are numbered as their terms are first seen in these
 * documents, as for lists of terms, so that both give the same space to the bit.
 */
export function buildFeatureSpaceFromIds(
  source: TermDocuments,
  weights: BlockWeights = DEFAULT_BLOCK_WEIGHTS,
  maxFeatures = Infinity,
): { space: FeatureSpace; vectors: SparseVector[] } {
  let counted = countFeatures(source);
  const termList = Array.from(counted.termOf, (term) => source.terms[term] as string);
  // Function words count as if in `BACKGROUND_DOCUMENTS` more documents, also when choosing what to keep.
  const frequency = counted.documentFrequency.slice();
  termList.forEach((term, id) => {
    if (isBackgroundTerm(term)) frequency[id] = (frequency[id] as number) + BACKGROUND_DOCUMENTS;
  });
  let kept: Int32Array | undefined;
  if (termList.length > maxFeatures) {
    kept = keepMostFrequent(
      frequency,
      maxFeatures,
      Uint8Array.from(termList, (term) => (isLongestNgram(term) ? 1 : 0)),
    );
    counted = keepFeatures(counted, kept);
  }
  const keep = (_: unknown, id: number) => kept === undefined || kept[id] !== -1;
  const n = source.docs.length + BACKGROUND_DOCUMENTS;
  // Smoothed idf: never zero, rarer terms weigh more.
  const idf = Float32Array.from(frequency.filter(keep), (df) => Math.log((1 + n) / (1 + df)) + 1);
  const keptTerms = termList.filter(keep);
  const space = featureSpace({
    vocabulary: buildVocabulary(keptTerms),
    idf,
    blockOf: Uint8Array.from(keptTerms, (term) => BLOCKS.indexOf(term[0] as (typeof BLOCKS)[number])),
    blockWeight: BLOCKS.map((b) => weights[b]),
  });
  const { offsets, ids, counts } = counted;
  const values = new Float32Array(offsets[offsets.length - 1] as number);
  const vectors: SparseVector[] = [];
  for (let d = 0; d + 1 < offsets.length; d++) {
    const [from, to] = [offsets[d] as number, offsets[d + 1] as number];
    const vector = { indices: ids.subarray(from, to), values: values.subarray(from, to) };
    weigh(space.state, vector.indices, counts.subarray(from, to), vector.values);
    vectors.push(vector);
  }
  return { space, vectors };
}

/** Character n-grams of `CHAR_NGRAM_MAX` letters: their kind's letter, then the n-gram. */
function isLongestNgram(term: string): boolean {
  return term.length === CHAR_NGRAM_MAX + 1 && term[0] === 'c';
}

/**
 * New ids (in the old order) of the `max` terms found in most documents (counts of documents,
 * whole numbers), -1 for the rest: the bound on features, and so on the classifier's features x
 * classes weights. Text that
 * overflows it is mostly terms seen once, which teach the classifier the least. Terms marked
 * in `last` (the longest n-grams) go first, whatever their frequency: a frequent 4-gram mostly
 * repeats a short word or the 3-grams it is made of, and the room it leaves goes to words,
 * pairs and shorter n-grams. Only a knowledge base with many entries reaches the bound (1,000
 * entries of 10 CLINC150 phrasings: 35,000 terms for 8,388 features); there every phrasing
 * has about a fifth fewer features to train and score, and the ranking is about as good (on
 * `val`, 90.75% of questions with the right intent first against 90.45%; with 600 to 1,200
 * entries up to 0.6 points better or worse).
 */
export function keepMostFrequent(documentFrequency: Float64Array, max: number, last: Uint8Array): Int32Array {
  // Sorted as numbers, marked terms last, then by frequency (highest first), then by id: one key
  // per term, exact while under 2^53, sorts 35,000 terms in about 12 ms against 29 with a comparator.
  const n = documentFrequency.length;
  const top = documentFrequency.reduce((a, b) => Math.max(a, b), 0);
  const keys = Float64Array.from(
    documentFrequency,
    (df, id) => ((last[id] as number) * (top + 1) + (top - df)) * n + id,
  ).sort();
  const kept = new Int32Array(n).fill(-1);
  for (let i = 0; i < Math.min(max, n); i++) kept[(keys[i] as number) % n] = 0;
  let next = 0;
  for (let id = 0; id < kept.length; id++) if (kept[id] === 0) kept[id] = next++;
  return kept;
}

/** Writes the unit-length TF-IDF weights of features `unique` used `counts` times into `values`. */
function weigh(state: FeatureSpaceState, unique: Int32Array, counts: Uint16Array, values: Float32Array): void {
  const { idf, blockOf, blockWeight } = state;
  const blockNorm = [0, 0, 0];
  for (let i = 0; i < unique.length; i++) {
    const id = unique[i] as number;
    // Sublinear tf: a repeated word adds evidence, but less each time.
    const v = (1 + Math.log(counts[i] as number)) * (idf[id] as number);
    values[i] = v;
    blockNorm[blockOf[id] as number]! += v * v;
  }
  const scale = blockNorm.map((s, b) => (s > 0 ? (blockWeight[b] as number) / Math.sqrt(s) : 0));
  let total = 0;
  for (let i = 0; i < unique.length; i++) {
    const v = (values[i] as number) * (scale[blockOf[unique[i] as number] as number] as number);
    values[i] = v;
    total += v * v;
  }
  const norm = total > 0 ? 1 / Math.sqrt(total) : 0;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * norm;
}

/** A feature space from its plain data (as built by `buildFeatureSpace`, possibly in another thread). */
export function featureSpace(state: FeatureSpaceState): FeatureSpace {
  return {
    size: state.idf.length,
    state,
    vector(terms) {
      const found = new Int32Array(terms.length);
      let k = 0;
      for (const term of terms) {
        const id = lookup(state.vocabulary, term);
        if (id !== -1) found[k++] = id;
      }
      const { unique, counts } = countIds(found.subarray(0, k));
      const values = new Float32Array(unique.length);
      weigh(state, unique, counts, values);
      return { indices: unique, values };
    },
    id(term) {
      const id = lookup(state.vocabulary, term);
      return id === -1 ? undefined : id;
    },
  };
}
