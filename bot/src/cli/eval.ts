import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDataset, type Dataset } from '../eval/dataset.ts';
import { runEval, type EvalReport } from '../eval/run.ts';

const USAGE =
  'usage: pnpm --filter @cascade/bot eval -- --data <clinc150-format.json> [--json] ' +
  '[--thresholds-from train|val] [--per-label K --seed S]';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function summary(r: EvalReport): string {
  const p = r.product;
  return [
    `knowledge base: ${r.entries} entries, ${r.phrasings} phrasings, ` +
      `index built in ${r.indexBuildMs.toFixed(0)} ms (${r.indexBuildCpuMs.toFixed(0)} ms CPU)`,
    `thresholds (from ${r.thresholdsFrom}): answer ${r.thresholds.answer}, suggest ${r.thresholds.suggest}` +
      (r.perLabel === null ? '' : `; ${r.perLabel} training rows per label`),
    '',
    'answer-or-escalate at the suggest threshold (Larson et al. 2019, threshold setting):',
    `  in-scope accuracy   ${pct(r.inScopeAccuracy)}`,
    `  out-of-scope recall ${pct(r.oosRecall)}`,
    `  in-scope escalated  ${pct(r.oosFalsePositiveRate)}`,
    `  balanced score      ${pct(r.balancedScore)}`,
    `  (single best validation threshold ${r.singleBest.threshold}: ` +
      `${pct(r.singleBest.inScopeAccuracy)} / ${pct(r.singleBest.oosRecall)})`,
    '',
    'with the suggest band (what visitors see):',
    `  in-scope answered right ${pct(p.answeredRightRate)}, wrong ${p.answeredWrong}, ` +
      `suggested ${p.inScopeSuggested} (right entry among them ${pct(p.suggestHitRate)}), ` +
      `escalated ${p.inScopeEscalated}`,
    `  out-of-scope answered ${p.outOfScopeAnswered}, suggested ${p.outOfScopeSuggested}, ` +
      `escalated ${p.outOfScopeEscalated} of ${p.outOfScope}`,
    `  suggest rate ${pct(r.suggestRate)}, wrong-answer rate ${pct(r.wrongAnswerRate)}`,
    `  taken by rules: ${p.humanRequested} person requests, ${p.smalltalk} smalltalk`,
    '',
    `calibration error ${r.calibrationError.toFixed(3)}; ` +
      `latency p50 ${r.answerLatencyP50Ms.toFixed(3)} ms, p99 ${r.answerLatencyP99Ms.toFixed(3)} ms`,
  ].join('\n');
}

function main(): void {
  // pnpm passes the `--` that separates its own options from the script's.
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      'thresholds-from': { type: 'string', default: 'val' },
      'per-label': { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const from = values['thresholds-from'];
  const perLabel = values['per-label'] === undefined ? undefined : Number(values['per-label']);
  const seed = Number(values.seed);
  const badNumber = (n: number | undefined) => n !== undefined && (!Number.isInteger(n) || n < 1);
  if (!values.data || (from !== 'train' && from !== 'val') || badNumber(perLabel) || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  let data: Dataset;
  try {
    data = parseDataset(JSON.parse(readFileSync(values.data, 'utf8')));
  } catch (e) {
    console.error(`cannot use ${values.data}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
    return;
  }
  const report = runEval(data, { thresholdsFrom: from, seed, ...(perLabel === undefined ? {} : { perLabel }) });
  console.log(values.json ? JSON.stringify(report, null, 2) : summary(report));
}

main();
