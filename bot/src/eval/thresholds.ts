import type { BotThresholds } from '@cascade/shared';
import { classAccuracy, tally, wrongAnswerRate, type Scored } from './metrics.ts';
import { seededRandom } from '../random.ts';

const GRID = Array.from({ length: 201 }, (_, i) => i / 200);

/** Highest share of outright answers that may be wrong on validation. */
export const ANSWER_PRECISION_TARGET = 0.97;

/** Bootstrap resamples of the validation set; the threshold is the median of their best thresholds. */
export const RESAMPLES = 200;

/** Index of the first maximum. */
function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

/**
 * Thresholds from validation data only. `suggest` is the answer-or-escalate threshold with
 * the best accuracy (out of scope counted as one more class), as in the paper's threshold
 * setting; below it the bot escalates. Validation accuracy is nearly flat over a wide range
 * of thresholds and CLINC150 validation has only 100 out-of-scope queries, so the single
 * best point is mostly noise: the threshold is the median of the best thresholds of
 * bootstrap resamples of the validation set (bagging the choice), which is stable.
 * `answer` is the lowest threshold at or above `suggest` where outright answers are right at
 * least 97% of the time on validation; between the two the bot suggests.
 */
export function chooseThresholds(validation: readonly Scored[]): BotThresholds {
  // right[i * GRID.length + g]: is validation query i handled right at threshold GRID[g]?
  const right = new Uint8Array(validation.length * GRID.length);
  GRID.forEach((t, g) => {
    validation.forEach((item, i) => {
      const one = tally([item], { answer: t, suggest: t });
      right[i * GRID.length + g] = one.answeredRight + one.outOfScopeEscalated;
    });
  });
  const random = seededRandom(1);
  const picks: number[] = [];
  const accuracy = new Float64Array(GRID.length);
  for (let r = 0; r < RESAMPLES; r++) {
    accuracy.fill(0);
    for (let k = 0; k < validation.length; k++) {
      const row = Math.floor(random() * validation.length) * GRID.length;
      for (let g = 0; g < GRID.length; g++) accuracy[g] = (accuracy[g] as number) + (right[row + g] as number);
    }
    picks.push(argmax(accuracy));
  }
  picks.sort((a, b) => a - b);
  const suggest = GRID[picks[Math.floor(picks.length / 2)] as number] as number;
  const answer =
    GRID.find(
      (t) => t >= suggest && 1 - wrongAnswerRate(tally(validation, { answer: t, suggest })) >= ANSWER_PRECISION_TARGET,
    ) ?? 1;
  return { answer, suggest };
}

/** The paper's rule as is, without resampling: the first threshold with the best validation accuracy. */
export function bestSingleThreshold(validation: readonly Scored[]): number {
  return GRID[argmax(GRID.map((t) => classAccuracy(tally(validation, { answer: t, suggest: t }))))] as number;
}
