import type { BotDecision, BotThresholds } from '@cascade/shared';
import { choose, type Assessment } from '../decide.ts';

/** One evaluation query: the entry it should get (null when out of scope) and what the bot saw. */
export interface Scored {
  expected: string | null;
  assessment: Assessment;
}

export interface Tally {
  inScope: number;
  outOfScope: number;
  /** In-scope queries answered outright with the right entry. */
  answeredRight: number;
  /** In-scope queries answered outright with a wrong entry. */
  answeredWrong: number;
  /** Out-of-scope queries answered outright. */
  outOfScopeAnswered: number;
  inScopeSuggested: number;
  /** In-scope queries whose suggestions include the right entry. */
  suggestedRight: number;
  outOfScopeSuggested: number;
  inScopeEscalated: number;
  outOfScopeEscalated: number;
  /** Queries taken by the rules before retrieval (person requested, smalltalk). */
  humanRequested: number;
  smalltalk: number;
}

function emptyTally(): Tally {
  return {
    inScope: 0,
    outOfScope: 0,
    answeredRight: 0,
    answeredWrong: 0,
    outOfScopeAnswered: 0,
    inScopeSuggested: 0,
    suggestedRight: 0,
    outOfScopeSuggested: 0,
    inScopeEscalated: 0,
    outOfScopeEscalated: 0,
    humanRequested: 0,
    smalltalk: 0,
  };
}

function add(t: Tally, expected: string | null, d: BotDecision): void {
  const inScope = expected !== null;
  if (inScope) t.inScope++;
  else t.outOfScope++;
  if (d.kind === 'escalate' && d.reason === 'human_requested') t.humanRequested++;
  if (d.kind === 'smalltalk') t.smalltalk++;
  if (d.kind === 'answer') {
    if (!inScope) t.outOfScopeAnswered++;
    else if (d.entryId === expected) t.answeredRight++;
    else t.answeredWrong++;
  } else if (d.kind === 'suggest') {
    if (!inScope) t.outOfScopeSuggested++;
    else {
      t.inScopeSuggested++;
      if (d.suggestions.some((s) => s.entryId === expected)) t.suggestedRight++;
    }
  } else if (d.kind === 'escalate') {
    if (inScope) t.inScopeEscalated++;
    else t.outOfScopeEscalated++;
  }
}

export function tally(items: readonly Scored[], thresholds: BotThresholds): Tally {
  const t = emptyTally();
  for (const { expected, assessment } of items) add(t, expected, choose(assessment, thresholds));
  return t;
}

/**
 * Accuracy with out-of-scope as one more class, as in Larson et al. 2019: an in-scope query
 * counts when answered with its entry, an out-of-scope one when escalated.
 */
export function classAccuracy(t: Tally): number {
  return (t.answeredRight + t.outOfScopeEscalated) / Math.max(1, t.inScope + t.outOfScope);
}

/** Share of outright answers that are wrong: the wrong entry, or any answer to an out-of-scope query. */
export function wrongAnswerRate(t: Tally): number {
  const answers = t.answeredRight + t.answeredWrong + t.outOfScopeAnswered;
  return answers === 0 ? 0 : (t.answeredWrong + t.outOfScopeAnswered) / answers;
}

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/**
 * Expected calibration error of the best entry's confidence, in ten equal bins: the gap
 * between "how sure" and "how often right", averaged over queries.
 */
export function calibrationError(items: readonly Scored[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, right: 0 }));
  let total = 0;
  for (const { expected, assessment } of items) {
    const best = assessment.candidates[0];
    if (!best || assessment.humanRequested) continue;
    const bin = bins[Math.min(9, Math.floor(best.confidence * 10))] as (typeof bins)[number];
    bin.n++;
    bin.confidence += best.confidence;
    if (best.entry.id === expected) bin.right++;
    total++;
  }
  return bins.reduce((sum, b) => sum + Math.abs(b.confidence - b.right), 0) / Math.max(1, total);
}
