import { DEFAULT_TRAIN_OPTIONS, trainSoftmax, type SoftmaxModel, type TrainingPlace } from './classifier.ts';
import { buildFeatureSpaceFromIds, type FeatureSpace, type SparseVector } from './features.ts';
import { standardForms } from './dialects.ts';
import { STOPWORDS } from './stopwords.ts';
import type { TermDocuments } from './term-ids.ts';
import { terms, words } from './tokens.ts';
import { topClasses } from './top-classes.ts';

/**
 * The retrieval model over a set of phrasings: the classifier proposes entries, then each is
 * re-checked against its closest phrasing. Built once for the whole knowledge base, and again
 * on parts of it when the confidence curve is fitted (`kb-calibration.ts`).
 *
 * Why both: the classifier ranks entries well, the similarity says how close the visitor's
 * words really are (an absolute measure that stays meaningful when the knowledge base holds
 * only a handful of entries, where classifier probabilities are high for anything).
 * Everything here is plain data and typed arrays.
 */
export interface KbModel {
  readonly classes: number;
  readonly space: FeatureSpace;
  readonly model: SoftmaxModel;
  readonly phrasings: readonly SparseVector[];
  /** Phrasing numbers per entry number. */
  readonly phrasingsOf: readonly Int32Array[];
  /** Feature ids of the words and character 3-grams each entry's phrasings use, ascending. */
  readonly wordsOf: readonly Int32Array[];
  /** Scratch space for similarity: the query's weights spread out by feature id. */
  readonly dense: Float32Array;
}

/**
 * What the confidence of a candidate is computed from (`confidence.ts`), in this order:
 * 1 (bias), ln score, similarity to the closest phrasing, ln classifier probability, margin of
 * the score over the best other candidate, share of the query's content words the entry's own
 * phrasings use, share of them the whole knowledge base knows (a word not used counts by the
 * share of its letter 3-grams that are, so that a typo is not taken for a new word), margin of
 * the probability over the best other candidate's, margin of the similarity likewise, 1 when
 * the candidate is first by both probability and similarity (classifier and closest phrasing
 * agree), similarity to the entry's second closest phrasing (one lucky phrasing or several),
 * spread of the classifier's whole distribution (entropy over ln entries), and ln of the
 * probability over the best other candidate's.
 *
 * The coverage shares are out-of-scope evidence: a question about something near a known entry
 * ("gift wrapping" beside "gift cards") often ranks that entry first with a fair score, but with
 * a small margin or with a content word the entry never uses. The margins, the agreement and the
 * spread tell a question between two entries from one that clearly belongs to one: with a few
 * phrasings per entry, confusions between entries are most of the wrong answers.
 */
export const FEATURE_COUNT = 13;

export interface Candidate {
  entry: number;
  /** Classifier probability. */
  probability: number;
  /** Cosine similarity to the entry's closest phrasing. */
  similarity: number;
  /** probability x similarity (0 below `MIN_SIMILARITY`): what candidates are ranked by. */
  score: number;
  /** Length `FEATURE_COUNT`, see there. */
  features: number[];
}

/**
 * Below this similarity to its closest phrasing an entry is never offered, however sure the
 * classifier is: with few entries the classifier is sure of something for any text at all.
 * Set on CLINC150 validation, where it drops 1 of 2,796 right answers.
 */
export const MIN_SIMILARITY = 0.15;

/** Entries re-checked against their phrasings: 3 scored as well as 5 on validation, for less work. */
const RERANKED = 3;

/** Share of a word's letter 3-grams an entry must use for the word to count as a typo of one of its words. */
const TYPO_SHARE = 0.5;

/** Logarithms of scores and probabilities are floored here: the far tail says nothing more. */
const SMALLEST = 1e-4;

/**
 * A few phrasings per entry are too few for three passes of SGD: small knowledge bases get
 * more passes, up to about `EPOCH_BUDGET` examples seen in all (10 passes over 750 phrasings;
 * 3 over 15,000 as before). On CLINC150 validation with 5 phrasings per entry this answered
 * about 2 points more queries outright at the same wrong-answer rate.
 */
const EPOCH_BUDGET = 7500;
const MAX_EPOCHS = 10;

/**
 * The classifier's weights are dense, features x entries: the features kept are capped so
 * that they stay under this many (32 MB of weights, three times that while training) and under
 * `MAX_FEATURES`. CLINC150 (150 entries, about 47,000 features) fits whole.
 */
export const MAX_WEIGHTS = 2 ** 23;
export const MAX_FEATURES = 2 ** 17;

/**
 * `texts.docs[i]` holds the term ids of phrasing i, `labels[i]` its entry number (0 .. classes - 1);
 * `place`, where the classifier trains (see `TrainingPlace`).
 */
export function buildModel(
  texts: TermDocuments,
  labels: ArrayLike<number>,
  classes: number,
  place?: TrainingPlace,
): KbModel {
  const maxFeatures = Math.min(MAX_FEATURES, Math.floor(MAX_WEIGHTS / Math.max(1, classes)));
  const { space, vectors } = buildFeatureSpaceFromIds(texts, undefined, maxFeatures);
  const phrasingCount = texts.docs.length;
  const epochs = Math.max(
    DEFAULT_TRAIN_OPTIONS.epochs,
    Math.min(MAX_EPOCHS, Math.round(EPOCH_BUDGET / Math.max(1, phrasingCount))),
  );
  const model = trainSoftmax(
    vectors,
    Int32Array.from(labels),
    classes,
    space.size,
    { ...DEFAULT_TRAIN_OPTIONS, epochs },
    place,
  );
  const phrasingsOf: number[][] = Array.from({ length: classes }, () => []);
  for (let p = 0; p < phrasingCount; p++) phrasingsOf[labels[p] as number]?.push(p);
  return {
    classes,
    space,
    model,
    phrasings: vectors,
    phrasingsOf: phrasingsOf.map((l) => Int32Array.from(l)),
    wordsOf: wordsOfEntries(space, vectors, phrasingsOf),
    dense: new Float32Array(space.size),
  };
}

/**
 * The feature ids of the words and 3-grams of each entry's phrasings, ascending: read from the
 * phrasings' vectors, which already hold the ids of their terms the space kept.
 */
function wordsOfEntries(space: FeatureSpace, vectors: readonly SparseVector[], phrasingsOf: number[][]): Int32Array[] {
  const { text, starts } = space.state.vocabulary;
  const wanted = new Uint8Array(space.size);
  for (let id = 0; id < space.size; id++) {
    const kind = text[starts[id] as number];
    wanted[id] = kind === 'w' || (kind === 'c' && (starts[id + 1] as number) - (starts[id] as number) === 4) ? 1 : 0;
  }
  // The entry that last listed each id, so that an id used by several of its phrasings is listed once.
  const listedBy = new Int32Array(space.size).fill(-1);
  let found = new Int32Array(256);
  return phrasingsOf.map((own, e) => {
    let n = 0;
    for (const p of own) {
      const { indices } = vectors[p] as SparseVector;
      for (let i = 0; i < indices.length; i++) {
        const id = indices[i] as number;
        if (wanted[id] === 0 || listedBy[id] === e) continue;
        listedBy[id] = e;
        if (n === found.length) {
          const more = new Int32Array(2 * n);
          more.set(found);
          found = more;
        }
        found[n++] = id;
      }
    }
    return found.slice(0, n).sort();
  });
}

/** Cosine similarity of the query (spread out in `m.dense`) to the entry's closest phrasing and to its second closest. */
function similarities(m: KbModel, entry: number): [number, number] {
  const { dense, phrasings } = m;
  const own = m.phrasingsOf[entry] as Int32Array;
  let best = 0;
  let second = 0;
  for (let k = 0; k < own.length; k++) {
    const { indices, values } = phrasings[own[k] as number] as SparseVector;
    let dot = 0;
    for (let i = 0; i < indices.length; i++) dot += (values[i] as number) * (dense[indices[i] as number] as number);
    if (dot > best) [best, second] = [dot, best];
    else if (dot > second) second = dot;
  }
  return [best, second];
}

function contains(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The best entries for a normalised query, best first (at most `RERANKED`). */
export function rank(m: KbModel, normalized: string): Candidate[] {
  const { classes } = m;
  if (classes === 0) return [];
  const queryTerms = terms(normalized);
  const query = m.space.vector(queryTerms);
  if (query.indices.length === 0) return [];
  const probabilities = new Float32Array(classes);
  m.model.probabilities(query, probabilities);

  // Spread of the whole distribution: a query between several entries is less sure than its top probability says.
  let entropy = 0;
  for (let c = 0; c < classes; c++) {
    const p = probabilities[c] as number;
    if (p > 0) entropy -= p * Math.log(p);
  }
  const spread = classes > 1 ? entropy / Math.log(classes) : 0;
  const top = topClasses(probabilities, RERANKED);

  // Content words of the query, each as its word id and the ids of its letter 3-grams (-1: unknown).
  // A dialect word counts as known when its standard form is.
  const content: { forms: number[]; grams: number[] }[] = [];
  for (const w of words(normalized)) {
    if (STOPWORDS.has(w)) continue;
    const padded = `<${w}>`;
    const grams: number[] = [];
    for (let s = 0; s + 3 <= padded.length; s++) grams.push(m.space.id(`c${padded.slice(s, s + 3)}`) ?? -1);
    const forms = [w, ...standardForms(w)].map((f) => m.space.id(`w${f}`) ?? -1);
    content.push({ forms, grams });
  }
  const coverage = (has: (id: number) => boolean) => {
    if (content.length === 0) return 1;
    let sum = 0;
    for (const { forms, grams } of content) {
      if (forms.some((id) => id >= 0 && has(id))) sum += 1;
      else if (grams.length > 0) {
        const share = grams.filter((g) => g >= 0 && has(g)).length / grams.length;
        // A typo keeps most of a word's 3-grams; a new word shares only common endings.
        if (share >= TYPO_SHARE) sum += share;
      }
    }
    return sum / content.length;
  };
  const kbCoverage = coverage((id) => id >= 0);

  const { dense } = m;
  for (let i = 0; i < query.indices.length; i++) dense[query.indices[i] as number] = query.values[i] as number;
  const scored = top.map((entry) => {
    const probability = probabilities[entry] as number;
    const [sim, secondSim] = similarities(m, entry);
    const own = m.wordsOf[entry] as Int32Array;
    const score = sim >= MIN_SIMILARITY ? probability * sim : 0;
    return {
      entry,
      probability,
      similarity: sim,
      score,
      secondSim,
      entryCoverage: coverage((id) => contains(own, id)),
    };
  });
  for (let i = 0; i < query.indices.length; i++) dense[query.indices[i] as number] = 0;
  scored.sort((a, b) => b.score - a.score || b.similarity - a.similarity);
  const ln = (x: number) => Math.log(Math.max(x, SMALLEST));
  return scored.map(({ entry, probability, similarity: sim, score, secondSim, entryCoverage }, i): Candidate => {
    const others = scored.filter((_, j) => j !== i);
    const otherScore = Math.max(0, ...others.map((o) => o.score));
    const otherProbability = Math.max(0, ...others.map((o) => o.probability));
    const otherSimilarity = Math.max(0, ...others.map((o) => o.similarity));
    const features = [
      1,
      ln(score),
      sim,
      ln(probability),
      score - otherScore,
      entryCoverage,
      kbCoverage,
      probability - otherProbability,
      sim - otherSimilarity,
      probability >= otherProbability && sim >= otherSimilarity ? 1 : 0,
      secondSim,
      spread,
      ln(probability) - ln(otherProbability),
    ];
    return { entry, probability, similarity: sim, score, features };
  });
}
