import type { BotThresholds } from '@cascade/shared';
import { assess, decide } from '../decide.ts';
import { buildIndex, type KbIndex } from '../kb-index.ts';
import { defaultThresholds } from '../thresholds.ts';
import { fitCalibration } from './calibration.ts';
import { keepPerLabel, knowledgeBase, type Dataset } from './dataset.ts';
import { calibrationError, percentile, tally, wrongAnswerRate, type Scored, type Tally } from './metrics.ts';
import { bestSingleThreshold, chooseThresholds } from './thresholds.ts';

export type ThresholdSource = 'train' | 'val';

export interface EvalOptions {
  /**
   * `train`: everything from the knowledge base alone, as in production (the confidence model
   * fitted on its phrasings, the default thresholds as probabilities); `val`: thresholds chosen
   * on the validation split.
   */
  thresholdsFrom?: ThresholdSource;
  /** Keep this many training rows per label (seeded), for few-phrasing runs. */
  perLabel?: number;
  seed?: number;
}

/** The headline figures at one pair of thresholds. */
export interface Figures {
  thresholds: BotThresholds;
  inScopeAccuracy: number;
  oosRecall: number;
  /** (inScopeAccuracy + oosRecall) / 2. */
  balancedScore: number;
  /** With the suggest band: in-scope queries answered outright with the right entry. */
  answeredRightRate: number;
  /** With the suggest band: outright answers that were wrong (wrong entry, or out of scope). */
  answeredWrongRate: number;
  suggestRate: number;
}

export interface EvalReport {
  thresholdsFrom: ThresholdSource;
  perLabel: number | null;
  /** (inScopeAccuracy + oosRecall) / 2 at the chosen thresholds. */
  balancedScore: number;
  /** With the suggest band: in-scope queries answered outright with the right entry. */
  answeredRightRate: number;
  /** Same as `wrongAnswerRate`, under the name the issue tracker uses. */
  answeredWrongRate: number;
  /** The headline figures with either threshold source, from the same index. */
  bySource: Record<ThresholdSource, Figures>;
  /** In-scope test queries answered with the right entry at the answer-or-escalate threshold (paper's sense). */
  inScopeAccuracy: number;
  /** Out-of-scope test queries escalated at that threshold. */
  oosRecall: number;
  /** In-scope test queries escalated at that threshold, as if they were out of scope. */
  oosFalsePositiveRate: number;
  /** With the suggest band: share of all test queries that got suggestions instead of an answer. */
  suggestRate: number;
  /** With the suggest band: share of outright answers that were wrong (wrong entry or out of scope). */
  wrongAnswerRate: number;
  answerLatencyP50Ms: number;
  answerLatencyP99Ms: number;
  indexBuildMs: number;
  /** CPU time of the build: unlike wall time, barely moved by other work on the machine. */
  indexBuildCpuMs: number;
  /** The thresholds used for the figures above (see `thresholdsFrom`). */
  thresholds: BotThresholds;
  entries: number;
  phrasings: number;
  /** Test counts at the paper threshold and with the suggest band. */
  paper: Tally;
  product: Tally & { suggestHitRate: number; answeredRightRate: number };
  /** The paper's rule without resampling (first best validation threshold), for comparison. */
  singleBest: { threshold: number; inScopeAccuracy: number; oosRecall: number };
  /** A one-feature curve in ln score fitted on validation (compare with `FALLBACK_CONFIDENCE` in confidence.ts). */
  calibrationFit: { slope: number; offset: number };
  /** Expected calibration error of the confidence on test (0 = perfectly calibrated). */
  calibrationError: number;
}

function score(index: KbIndex, rows: readonly [string, string][], idOf: ReadonlyMap<string, string>): Scored[] {
  return rows.map(([text, label]) => ({
    expected: label === 'oos' ? null : (idOf.get(label) ?? `unknown:${label}`),
    assessment: assess(index, text),
  }));
}

export function runEval(full: Dataset, options: EvalOptions = {}): EvalReport {
  const thresholdsFrom = options.thresholdsFrom ?? 'val';
  const data = options.perLabel === undefined ? full : keepPerLabel(full, options.perLabel, options.seed ?? 1);
  const { entries, labelOf } = knowledgeBase(data.train);
  const idOf = new Map([...labelOf].map(([id, label]) => [label, id]));

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const index = buildIndex(entries);
  const indexBuildMs = performance.now() - started;
  const indexBuildCpuMs = process.cpuUsage(cpuBefore).user / 1000;

  const validation = [...score(index, data.val, idOf), ...score(index, data.oos_val, idOf)];
  const testRows = [...data.test, ...data.oos_test];
  const test = score(index, testRows, idOf);
  const chosen = { val: chooseThresholds(validation), train: defaultThresholds };
  const thresholds = chosen[thresholdsFrom];

  const paper = tally(test, { answer: thresholds.suggest, suggest: thresholds.suggest });
  const single = bestSingleThreshold(validation);
  const singleTally = tally(test, { answer: single, suggest: single });
  const product = tally(test, thresholds);

  // The same call `Bot.decide` makes, timed after the passes above have warmed the code up.
  const latencies = testRows.map(([text]) => {
    const t0 = performance.now();
    decide(index, text, { thresholds });
    return performance.now() - t0;
  });

  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const figures = (t: BotThresholds): Figures => {
    const p = tally(test, { answer: t.suggest, suggest: t.suggest });
    const q = tally(test, t);
    const inScopeAccuracy = ratio(p.answeredRight, p.inScope);
    const oosRecall = ratio(p.outOfScopeEscalated, p.outOfScope);
    return {
      thresholds: t,
      inScopeAccuracy,
      oosRecall,
      balancedScore: (inScopeAccuracy + oosRecall) / 2,
      answeredRightRate: ratio(q.answeredRight, q.inScope),
      answeredWrongRate: wrongAnswerRate(q),
      suggestRate: ratio(q.inScopeSuggested + q.outOfScopeSuggested, q.inScope + q.outOfScope),
    };
  };
  const bySource = { train: figures(chosen.train), val: figures(chosen.val) };
  const headline = bySource[thresholdsFrom];
  return {
    thresholdsFrom,
    perLabel: options.perLabel ?? null,
    balancedScore: headline.balancedScore,
    answeredRightRate: headline.answeredRightRate,
    answeredWrongRate: headline.answeredWrongRate,
    bySource,
    inScopeAccuracy: ratio(paper.answeredRight, paper.inScope),
    oosRecall: ratio(paper.outOfScopeEscalated, paper.outOfScope),
    oosFalsePositiveRate: ratio(paper.inScopeEscalated, paper.inScope),
    suggestRate: ratio(product.inScopeSuggested + product.outOfScopeSuggested, product.inScope + product.outOfScope),
    wrongAnswerRate: wrongAnswerRate(product),
    answerLatencyP50Ms: percentile(latencies, 50),
    answerLatencyP99Ms: percentile(latencies, 99),
    indexBuildMs,
    indexBuildCpuMs,
    thresholds,
    entries: entries.length,
    phrasings: index.phrasings.length,
    paper,
    product: {
      ...product,
      suggestHitRate: ratio(product.suggestedRight, product.inScopeSuggested),
      answeredRightRate: ratio(product.answeredRight, product.inScope),
    },
    singleBest: {
      threshold: single,
      inScopeAccuracy: ratio(singleTally.answeredRight, singleTally.inScope),
      oosRecall: ratio(singleTally.outOfScopeEscalated, singleTally.outOfScope),
    },
    calibrationFit: fitCalibration(validation),
    calibrationError: calibrationError(test),
  };
}
