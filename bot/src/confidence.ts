/**
 * Turns a ranking score (classifier probability x closest-phrasing similarity) into the
 * probability that the entry is the right answer. The curve is a logistic in log(score),
 * fitted on the CLINC150 validation split (in-scope and out-of-scope queries; the eval
 * CLI prints the fit as `calibrationFit`), so that 0.8 means "right about 8 times in 10" there. It is monotonic, so
 * thresholds on confidence are thresholds on score.
 */
export const CALIBRATION = { slope: 1.7, offset: 4.48 };

export function calibrate(score: number): number {
  if (score <= 0) return 0;
  const z = CALIBRATION.slope * Math.log(score) + CALIBRATION.offset;
  return 1 / (1 + Math.exp(-z));
}
