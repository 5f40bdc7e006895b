/**
 * Groups the questions the bot missed by meaning, with the bot's own normaliser and TF-IDF
 * features, so a supervisor reads one row per thing visitors keep asking instead of every
 * message; and finds, per group, the knowledge-base entry it comes closest to (the one a new
 * phrasing would most likely belong to).
 *
 * Greedy clustering: each question joins the group whose centroid it is most similar to
 * (cosine) if that reaches `threshold`, else starts a new group. One pass, O(questions x
 * groups), no training: fast enough for the bounded number of rows a request scans.
 */

import type { KbEntry } from '@cascade/shared';
import { buildFeatureSpace, type SparseVector } from './features.ts';
import { normalize } from './normalize.ts';
import { terms } from './tokens.ts';

/**
 * Chosen on CLINC150 validation (`src/eval/missed.ts`): lower merges sibling intents
 * ("card declined" with "card lost"), higher splits plain rewordings.
 */
export const DEFAULT_GROUP_THRESHOLD = 0.35;

/** A group's closest entry is named only from this similarity up: below it, nothing is close. */
export const MIN_ENTRY_SIMILARITY = 0.2;

export interface QuestionGroup<T> {
  /** The member closest to the group's centroid. */
  representative: T;
  /** In input order. */
  members: T[];
  /** The entry with the phrasing or question most similar to the group's centroid, if close enough. */
  closest: { entryId: string; similarity: number } | null;
}

type Dense = Map<number, number>;

function dot(v: SparseVector, centroid: Dense): number {
  let s = 0;
  for (let i = 0; i < v.indices.length; i++) s += (v.values[i] as number) * (centroid.get(v.indices[i] as number) ?? 0);
  return s;
}

interface Cluster {
  members: number[];
  /** Sum of the members' vectors. */
  sum: Dense;
  /** Squared length of `sum`, kept up to date as members join. */
  norm2: number;
}

/**
 * Per feature, the clusters whose sum has it and its value there: a question is scored
 * against every cluster by walking only its own features' lists, not every cluster.
 */
type Postings = Map<number, Map<number, number>>;

function add(clusters: Cluster[], postings: Postings, c: number, q: number, v: SparseVector): void {
  const cluster = clusters[c] as Cluster;
  cluster.members.push(q);
  for (let i = 0; i < v.indices.length; i++) {
    const id = v.indices[i] as number;
    const old = cluster.sum.get(id) ?? 0;
    const next = old + (v.values[i] as number);
    cluster.sum.set(id, next);
    cluster.norm2 += next * next - old * old;
    let posting = postings.get(id);
    if (!posting) postings.set(id, (posting = new Map<number, number>()));
    posting.set(c, next);
  }
}

/** The cluster most similar to `v` (cosine to its centroid) from `threshold` up, or -1. */
function nearest(clusters: Cluster[], postings: Postings, v: SparseVector, threshold: number): number {
  const dots = new Float64Array(clusters.length);
  for (let i = 0; i < v.indices.length; i++) {
    const posting = postings.get(v.indices[i] as number);
    if (!posting) continue;
    const x = v.values[i] as number;
    for (const [c, w] of posting) dots[c] = (dots[c] as number) + x * w;
  }
  let best = -1;
  let bestScore = threshold;
  dots.forEach((d, c) => {
    const norm2 = (clusters[c] as Cluster).norm2;
    const score = d > 0 && norm2 > 0 ? d / Math.sqrt(norm2) : 0;
    if (score >= bestScore) {
      best = c;
      bestScore = score;
    }
  });
  return best;
}

/** The knowledge-base text most similar to a cluster's centroid, through the texts' own postings. */
function closestText(
  c: Cluster,
  kbPostings: Map<number, [number, number][]>,
  texts: number,
): { text: number; similarity: number } | null {
  if (c.norm2 <= 0) return null;
  const dots = new Float64Array(texts);
  for (const [id, w] of c.sum) for (const [k, x] of kbPostings.get(id) ?? []) dots[k] = (dots[k] as number) + w * x;
  let best: { text: number; similarity: number } | null = null;
  const norm = Math.sqrt(c.norm2);
  dots.forEach((d, k) => {
    const similarity = d / norm;
    if (similarity >= MIN_ENTRY_SIMILARITY && similarity > (best?.similarity ?? 0)) best = { text: k, similarity };
  });
  return best;
}

/**
 * Groups `questions` (largest group first, ties by first appearance) and names each group's
 * closest entry in `entries`. The entries' texts share the feature space, so a word the
 * knowledge base uses often weighs less, as it does for the bot.
 */
export function groupQuestions<T extends { text: string }>(
  questions: readonly T[],
  entries: readonly KbEntry[],
  threshold = DEFAULT_GROUP_THRESHOLD,
): QuestionGroup<T>[] {
  const kbTexts: { entryId: string; text: string }[] = [];
  for (const e of entries)
    for (const c of Object.values(e.content))
      for (const text of [c.question, ...c.phrasings]) kbTexts.push({ entryId: e.id, text });
  const documents = [...questions.map((q) => q.text), ...kbTexts.map((k) => k.text)].map((t) => terms(normalize(t)));
  const { vectors } = buildFeatureSpace(documents);
  const questionVectors = vectors.slice(0, questions.length);
  const kbVectors = vectors.slice(questions.length);

  const clusters: Cluster[] = [];
  const postings: Postings = new Map();
  questionVectors.forEach((v, q) => {
    if (v.indices.length === 0) return; // nothing to compare: punctuation or emoji only
    let c = nearest(clusters, postings, v, threshold);
    if (c === -1) c = clusters.push({ members: [], sum: new Map(), norm2: 0 }) - 1;
    add(clusters, postings, c, q, v);
  });
  const kbPostings = new Map<number, [number, number][]>();
  kbVectors.forEach((kv, k) => {
    for (let i = 0; i < kv.indices.length; i++) {
      const id = kv.indices[i] as number;
      let list = kbPostings.get(id);
      if (!list) kbPostings.set(id, (list = []));
      list.push([k, kv.values[i] as number]);
    }
  });

  const groups = clusters.map((c) => {
    let representative = c.members[0] as number;
    let bestScore = -1;
    for (const q of c.members) {
      const score = dot(questionVectors[q] as SparseVector, c.sum);
      if (score > bestScore) {
        bestScore = score;
        representative = q;
      }
    }
    const near = closestText(c, kbPostings, kbVectors.length);
    const closest = near && {
      entryId: (kbTexts[near.text] as { entryId: string }).entryId,
      similarity: near.similarity,
    };
    return {
      representative: questions[representative] as T,
      members: c.members.map((q) => questions[q] as T),
      closest,
      first: c.members[0] as number,
    };
  });
  groups.sort((a, b) => b.members.length - a.members.length || a.first - b.first);
  return groups.map(({ representative, members, closest }) => ({ representative, members, closest }));
}
