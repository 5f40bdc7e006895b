import { FEATURE_COUNT } from './kb-model.ts';

/**
 * Turns a candidate's features (`FEATURE_COUNT` numbers, see `kb-model.ts`) into the
 * probability that it is the right answer: a logistic regression whose weights are fitted
 * per knowledge base when it is indexed (`kb-calibration.ts`), from its own phrasings. A
 * fixed curve fitted once on one large data set never reaches the answer threshold on a
 * knowledge base with three phrasings per entry, where scores are lower all round.
 */
export interface ConfidenceModel {
  /** One weight per feature; the first multiplies the constant 1. */
  readonly weights: readonly number[];
}

/**
 * Used when a knowledge base is too small to fit its own (fewer than a few held-out
 * phrasings): the curve in ln score fitted on CLINC150 validation before per-knowledge-base
 * fitting existed (slope 1.7, offset 4.48).
 */
export const FALLBACK_CONFIDENCE: ConfidenceModel = {
  weights: [4.48, 1.7, ...Array.from({ length: FEATURE_COUNT - 2 }, () => 0)],
};

export function confidenceOf(model: ConfidenceModel, features: readonly number[], score: number): number {
  if (score <= 0) return 0;
  let z = 0;
  for (let i = 0; i < FEATURE_COUNT; i++) z += (model.weights[i] as number) * (features[i] as number);
  return 1 / (1 + Math.exp(-z));
}
