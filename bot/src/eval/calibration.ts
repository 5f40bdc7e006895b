import type { Scored } from './metrics.ts';

/** Scores this small are treated alike: the fit should not chase the far tail. */
const SMALLEST_SCORE = 1e-4;

/**
 * Fits confidence = 1 / (1 + exp(-(slope * ln(score) + offset))) to "was the best entry right"
 * on scored queries, by Newton's method with step halving (maximum likelihood). Used to set
 * `FALLBACK_CONFIDENCE` in `confidence.ts` from validation data.
 */
export function fitCalibration(items: readonly Scored[]): { slope: number; offset: number } {
  const points = items.flatMap(({ expected, assessment }) => {
    const best = assessment.candidates[0];
    if (!best || assessment.humanRequested) return [];
    return [{ x: Math.log(Math.max(best.score, SMALLEST_SCORE)), y: best.entry.id === expected ? 1 : 0 }];
  });
  const loss = (a: number, b: number) =>
    points.reduce((sum, { x, y }) => {
      const z = a * x + b;
      return sum + (y === 1 ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
    }, 0);
  let slope = 1;
  let offset = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (const { x, y } of points) {
      const p = 1 / (1 + Math.exp(-(slope * x + offset)));
      const w = p * (1 - p);
      ga += (p - y) * x;
      gb += p - y;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    const before = loss(slope, offset);
    let step = 1;
    while (step > 1e-6 && loss(slope - step * da, offset - step * db) > before) step /= 2;
    slope -= step * da;
    offset -= step * db;
    if (Math.abs(step * da) + Math.abs(step * db) < 1e-7) break;
  }
  return { slope, offset };
}
