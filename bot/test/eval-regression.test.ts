import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../src/eval/dataset.ts';
import { runEval } from '../src/eval/run.ts';

/**
 * A regression guard on a fixed slice of CLINC150 (30 intents, see fixtures/README.md).
 * Floors sit a little under the figures measured when they were set (in-scope accuracy
 * 95.2%, out-of-scope recall 80.3%, wrong answers 6.0%), so that a real drop fails and
 * run-to-run noise does not. Speed is measured by `pnpm bench` (the bot's eval), not here.
 */
const slice = parseDataset(
  JSON.parse(readFileSync(new URL('./fixtures/clinc150-slice.json', import.meta.url), 'utf8')),
);

describe('eval on the CLINC150 slice', () => {
  const report = runEval(slice);

  it('keeps accuracy, out-of-scope recall and the wrong-answer rate', () => {
    expect(report.entries).toBe(30);
    expect(report.inScopeAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(report.oosRecall).toBeGreaterThanOrEqual(0.72);
    expect(report.wrongAnswerRate).toBeLessThanOrEqual(0.08);
    expect(report.thresholds.answer).toBeGreaterThanOrEqual(report.thresholds.suggest);
  });
});
