import type { KbEntry } from '@cascade/shared';
import { FALLBACK_CONFIDENCE, type ConfidenceModel } from './confidence.ts';
import { buildModel, FEATURE_COUNT, rank, type KbModel } from './kb-model.ts';
import { normalize } from './normalize.ts';
import { OUT_OF_SCOPE_EXAMPLES } from './out-of-scope.ts';
import { seededRandom } from './random.ts';
import type { TermDocuments } from './term-ids.ts';
import type { TrainingMemory } from './training-memory.ts';

/**
 * Fits the confidence model of one knowledge base from its own phrasings, the way a site
 * would be measured if it had validation data: the knowledge base is indexed again without
 * some of its phrasings (cross-validation) and the left-out ones are asked as questions.
 *
 * - In scope: in each fold, one or a few phrasings of every entry are left out; the right
 *   answer is their own entry.
 * - Near but not in scope: in each fold some entries are left out whole; their phrasings are
 *   questions the rest of the knowledge base should not answer. This is what held-out
 *   "sibling" intents look like (a question about gift wrapping beside an entry on gift cards).
 * - Far out of scope: the shipped examples of `out-of-scope.ts` in the knowledge base's
 *   languages, less those its phrasings cover closely.
 *
 * Each group carries a fixed share of the weight, so that the result does not depend on how
 * many phrasings a site wrote; the shares were chosen on CLINC150 validation data (3, 5 and
 * all phrasings per entry), never on its test split.
 */
export const CALIBRATION_SHARES = { inScope: 1, nearby: 0.3, offTopic: 0.1 };

/**
 * The fit is pulled towards these weights (an L2 penalty around them, as strong as
 * `PRIOR_STRENGTH` examples), so that a knowledge base with a few dozen phrasings keeps
 * a sensible curve and a large one follows its own data. The first seven are about the mean
 * of the fits on CLINC150 with 3, 5 and 100 phrasings per entry; the six added later (margins,
 * agreement, second phrasing, spread) start from 0, no evidence either way.
 */
const PRIOR = [1.5, 0.6, 0.05, 0.9, 1.0, 0.0, 0.8, 0, 0, 0, 0, 0, 0];
const PRIOR_STRENGTH = 3;

/** Shipped out-of-scope examples this close to a phrasing of the knowledge base are in scope for it. */
const COVERED_SIMILARITY = 0.5;

/** Phrasings asked per held-out entry at most, so that a large entry does not dominate. */
const MAX_NEARBY_PER_ENTRY = 10;

/**
 * Entries asked about per fold, about: above this, one entry in two (three, ...) has its
 * phrasings asked, and each entry left out whole as many times fewer of its phrasings, so that
 * asking (a third of a 1,000-entry build) costs no more for a larger knowledge base. Hundreds
 * of questions are plenty for the 13 weights of the fit. On 1,000 entries of 10 CLINC150
 * phrasings (`val`) more in-scope questions get an answer or suggestions (40% against 24%) for
 * one out-of-scope question in a hundred more.
 */
const MAX_ASKED_ENTRIES = 500;

/**
 * A fold's index is trained on at most about this many phrasings (an even share per entry), so
 * that a large knowledge base is not trained again in full: its confidence is then fitted on a
 * somewhat weaker model than the one that answers, which errs on the side of suggesting.
 */
const MAX_FOLD_PHRASINGS = 3000;

/**
 * In each fold, one entry in this many is left out whole (the "near but not in scope" group).
 * The in-scope questions of that fold are asked of an index without those entries, which
 * cannot confuse them with a left-out entry: leaving out one in five made the fitted curve
 * blind to confusions between entries (on CLINC150 validation with 5 phrasings per entry,
 * 34% of questions could be answered right at 5% wrong answers against 39% with one in
 * twenty).
 */
const HELD_ENTRY_PERIOD = 20;

/** Below this many in-scope and out-of-scope examples, the fixed fallback curve is used. */
const MIN_EXAMPLES = 3;

interface Row {
  x: readonly number[];
  y: number;
  w: number;
}

/** One entry in `askEvery` has its phrasings asked; of each entry left out whole, up to `nearbyPerEntry` are. */
export function askingPlan(entries: number): { askEvery: number; nearbyPerEntry: number } {
  const askEvery = Math.max(1, Math.ceil(entries / MAX_ASKED_ENTRIES));
  return { askEvery, nearbyPerEntry: Math.ceil(MAX_NEARBY_PER_ENTRY / askEvery) };
}

/** Folds for `n` phrasings: fewer for large knowledge bases, so that indexing stays about 2-4 trainings long. */
function foldCount(n: number): number {
  if (n <= 1500) return 3;
  return n <= 6000 ? 2 : 1;
}

/** Phrasings left out of an entry with `n` of them, per fold: 1 up to 19, then one in ten, at most 5. */
function heldPerEntry(n: number): number {
  return n < 2 ? 0 : Math.min(5, Math.max(1, Math.floor(n / 10)));
}

export function fitConfidence(
  entries: readonly KbEntry[],
  normalized: readonly string[],
  texts: TermDocuments,
  labels: readonly number[],
  full: KbModel,
  memory: TrainingMemory,
): ConfidenceModel {
  const classes = entries.length;
  const folds = foldCount(texts.docs.length);
  const period = Math.max(HELD_ENTRY_PERIOD, 2 * folds);
  const byEntry: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((e, p) => byEntry[e]?.push(p));
  // A seeded shuffle decides which entries are left out together.
  const random = seededRandom(7);
  const position = Array.from({ length: classes }, (_, e) => e);
  for (let i = classes - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [position[i], position[j]] = [position[j] as number, position[i] as number];
  }

  const languages = new Set(entries.flatMap((e) => Object.keys(e.content)));
  const offTopic = Object.entries(OUT_OF_SCOPE_EXAMPLES)
    .filter(([language]) => languages.has(language))
    .flatMap(([, list]) => list.map(normalize))
    .filter((text) => (rank(full, text)[0]?.similarity ?? 0) < COVERED_SIMILARITY);

  const inScope: Row[] = [];
  const nearby: Row[] = [];
  const far: Row[] = [];
  const ask = (m: KbModel, text: string, expected: number, into: Row[]) => {
    const best = rank(m, text)[0];
    if (!best || best.score <= 0) return;
    into.push({ x: best.features, y: best.entry === expected ? 1 : 0, w: 0 });
  };

  const { askEvery, nearbyPerEntry } = askingPlan(classes);
  for (let f = 0; f < folds; f++) {
    const heldEntry = (e: number) => classes >= 3 && (position[e] as number) % period === f;
    const asked: number[] = [];
    const keep: number[] = [];
    const held = new Set<number>();
    byEntry.forEach((own, e) => {
      if (heldEntry(e)) {
        for (const p of own) held.add(p);
        return;
      }
      if (e % askEvery !== 0) return;
      const h = heldPerEntry(own.length);
      for (let j = 0; j < h; j++) asked.push(own[(f + j * folds) % own.length] as number);
    });
    const askedSet = new Set(asked);
    const perEntry = Math.max(2, Math.ceil(MAX_FOLD_PHRASINGS / Math.max(1, classes)));
    byEntry.forEach((own) => {
      let kept = 0;
      for (const p of own) {
        if (kept >= perEntry) break;
        if (!held.has(p) && !askedSet.has(p)) {
          keep.push(p);
          kept++;
        }
      }
    });
    if (keep.length === 0) continue;
    // Each fold's model is asked before the next fold trains in the same memory.
    const m = buildModel(
      { terms: texts.terms, docs: keep.map((p) => texts.docs[p] as Int32Array) },
      keep.map((p) => labels[p] as number),
      classes,
      { memory, weightsInMemory: true },
    );
    for (const p of asked) ask(m, normalized[p] as string, labels[p] as number, inScope);
    byEntry.forEach((own, e) => {
      if (heldEntry(e)) for (const p of own.slice(0, nearbyPerEntry)) ask(m, normalized[p] as string, -1, nearby);
    });
    offTopic.forEach((text, i) => {
      if (i % folds === f) ask(m, text, -1, far);
    });
  }

  const outOfScope = nearby.length + far.length;
  if (
    inScope.filter((r) => r.y === 1).length < MIN_EXAMPLES ||
    outOfScope + inScope.filter((r) => r.y === 0).length < MIN_EXAMPLES
  ) {
    return FALLBACK_CONFIDENCE;
  }
  // Shares are scaled to the number of examples, so that the prior weighs less as they grow.
  const total = inScope.length + nearby.length + far.length;
  const sum = CALIBRATION_SHARES.inScope + CALIBRATION_SHARES.nearby + CALIBRATION_SHARES.offTopic;
  const share = (rows: Row[], weight: number) => rows.forEach((r) => (r.w = (weight * total) / sum / rows.length));
  // A group that is empty gives its share to the other out-of-scope group.
  const nearbyShare =
    far.length === 0 ? CALIBRATION_SHARES.nearby + CALIBRATION_SHARES.offTopic : CALIBRATION_SHARES.nearby;
  const farShare =
    nearby.length === 0 ? CALIBRATION_SHARES.nearby + CALIBRATION_SHARES.offTopic : CALIBRATION_SHARES.offTopic;
  share(inScope, CALIBRATION_SHARES.inScope);
  share(nearby, nearbyShare);
  share(far, farShare);
  return { weights: fitLogistic([...inScope, ...nearby, ...far]) };
}

/** Weighted logistic regression with a Gaussian prior around `PRIOR`, by Newton's method with step halving. */
function fitLogistic(rows: readonly Row[]): number[] {
  const d = FEATURE_COUNT;
  // Rows end to end in one array: the fit reads them about a hundred times.
  const x = new Float64Array(rows.length * d);
  rows.forEach((r, k) => x.set(r.x, k * d));
  const w = [...PRIOR];
  const loss = (v: readonly number[]) => {
    let sum = 0;
    rows.forEach((r, k) => {
      let z = 0;
      for (let i = 0; i < d; i++) z += (v[i] as number) * (x[k * d + i] as number);
      sum += r.w * (r.y === 1 ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
    });
    for (let i = 0; i < d; i++) sum += 0.5 * PRIOR_STRENGTH * ((v[i] as number) - (PRIOR[i] as number)) ** 2;
    return sum;
  };
  let before = loss(w);
  const g = new Float64Array(d);
  const h = new Float64Array(d * d);
  for (let iteration = 0; iteration < 50; iteration++) {
    g.fill(0);
    h.fill(0);
    rows.forEach((r, k) => {
      const at = k * d;
      let z = 0;
      for (let i = 0; i < d; i++) z += (w[i] as number) * (x[at + i] as number);
      const p = 1 / (1 + Math.exp(-z));
      const s = r.w * p * (1 - p);
      for (let i = 0; i < d; i++) {
        const xi = x[at + i] as number;
        g[i] = (g[i] as number) + r.w * (p - r.y) * xi;
        for (let j = 0; j < d; j++) h[i * d + j] = (h[i * d + j] as number) + s * xi * (x[at + j] as number);
      }
    });
    const hessian = Array.from({ length: d }, (_, i) => Array.from(h.subarray(i * d, (i + 1) * d)));
    const gradient = Array.from(g);
    for (let i = 0; i < d; i++) {
      const hi = hessian[i] as number[];
      hi[i] = (hi[i] as number) + PRIOR_STRENGTH;
      gradient[i] = (gradient[i] as number) + PRIOR_STRENGTH * ((w[i] as number) - (PRIOR[i] as number));
    }
    const step = solve(hessian, gradient);
    let t = 1;
    let next = w.map((v, i) => v - t * (step[i] as number));
    let after = loss(next);
    while (t > 1e-6 && after > before) {
      t /= 2;
      next = w.map((v, i) => v - t * (step[i] as number));
      after = loss(next);
    }
    // The loss of the point taken is the next iteration's starting loss.
    before = after;
    let moved = 0;
    for (let i = 0; i < d; i++) {
      moved += Math.abs((next[i] as number) - (w[i] as number));
      w[i] = next[i] as number;
    }
    if (moved < 1e-8) break;
  }
  return w;
}

/** Solves a x = b for a small symmetric positive definite a (Gaussian elimination with pivoting). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const top = m[c]!;
    if (Math.abs(top[c]!) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r]!;
      const k = row[c]! / top[c]!;
      for (let j = c; j <= n; j++) row[j] = row[j]! - k * top[j]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}
