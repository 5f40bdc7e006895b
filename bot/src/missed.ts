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
  /** Length of `sum`, so the cosine to the centroid needs no second pass. */
  norm: number;
}

function add(c: Cluster, q: number, v: SparseVector): void {
  c.members.push(q);
  for (let i = 0; i < v.indices.length; i++) {
    const id = v.indices[i] as number;
    c.sum.set(id, (c.sum.get(id) ?? 0) + (v.values[i] as number));
  }
  let total = 0;
  for (const x of c.sum.values()) total += x * x;
  c.norm = Math.sqrt(total);
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
  questionVectors.forEach((v, q) => {
    if (v.indices.length === 0) return; // nothing to compare: punctuation or emoji only
    let best: Cluster | null = null;
    let bestScore = threshold;
    for (const c of clusters) {
      const score = c.norm > 0 ? dot(v, c.sum) / c.norm : 0;
      if (score >= bestScore) {
        best = c;
        bestScore = score;
      }
    }
    const target = best ?? { members: [], sum: new Map(), norm: 0 };
    if (!best) clusters.push(target);
    add(target, q, v);
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
    let closest: QuestionGroup<T>['closest'] = null;
    kbVectors.forEach((kv, k) => {
      const similarity = c.norm > 0 ? dot(kv, c.sum) / c.norm : 0;
      if (similarity >= MIN_ENTRY_SIMILARITY && similarity > (closest?.similarity ?? 0))
        closest = { entryId: (kbTexts[k] as { entryId: string }).entryId, similarity };
    });
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
