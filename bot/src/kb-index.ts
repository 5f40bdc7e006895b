import type { KbEntry } from '@cascade/shared';
import { trainSoftmax, type SoftmaxModel } from './classifier.ts';
import { buildFeatureSpace, type FeatureSpace, type SparseVector } from './features.ts';
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
  const { space, vectors } = buildFeatureSpace(texts);
  const model = trainSoftmax(vectors, Int32Array.from(labels), entries.length, space.size);
  const phrasingsOf: number[][] = entries.map(() => []);
  labels.forEach((e, p) => phrasingsOf[e]?.push(p));
  return {
    entries,
    space,
    model,
    phrasings: vectors,
    phrasingsOf: phrasingsOf.map((l) => Int32Array.from(l)),
    dense: new Float32Array(space.size),
  };
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
