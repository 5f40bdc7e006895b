import type { BotThresholds } from '@cascade/shared';
import { assess, decide } from '../decide.ts';
import { buildIndex, type KbIndex } from '../kb-index.ts';
import { fitCalibration } from './calibration.ts';
import { knowledgeBase, type Dataset } from './dataset.ts';
import { calibrationError, percentile, tally, wrongAnswerRate, type Scored, type Tally } from './metrics.ts';
import { bestSingleThreshold, chooseThresholds } from './thresholds.ts';

export interface EvalReport {
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
  /** Chosen on validation only. */
  thresholds: BotThresholds;
  entries: number;
  phrasings: number;
  /** Test counts at the paper threshold and with the suggest band. */
  paper: Tally;
  product: Tally & { suggestHitRate: number; answeredRightRate: number };
  /** The paper's rule without resampling (first best validation threshold), for comparison. */
  singleBest: { threshold: number; inScopeAccuracy: number; oosRecall: number };
  /** The confidence curve fitted on validation (compare with `CALIBRATION` in confidence.ts). */
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

export function runEval(data: Dataset): EvalReport {
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
  const thresholds = chooseThresholds(validation);

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
  return {
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
