import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDataset } from '../eval/dataset.ts';
import { runMissedEval } from '../eval/missed.ts';
import { DEFAULT_GROUP_THRESHOLD } from '../missed.ts';

const USAGE =
  'usage: pnpm --filter @cascade/bot eval:missed -- --data <clinc150-format.json> ' +
  '[--per-label K] [--seed S] [--threshold T] [--top N,N,...]';

function main(): void {
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      'per-label': { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      threshold: { type: 'string', default: String(DEFAULT_GROUP_THRESHOLD) },
      top: { type: 'string', default: '25,50,100,200' },
    },
  });
  const perLabel = Number(values['per-label']);
  const seed = Number(values.seed);
  const threshold = Number(values.threshold);
  // `--top ''` groups the validation questions without touching the test split (to choose the threshold).
  const topGroups = values.top === '' ? [] : values.top.split(',').map(Number);
  const ok =
    values.data &&
    Number.isInteger(perLabel) &&
    perLabel > 0 &&
    Number.isInteger(seed) &&
    threshold > 0 &&
    threshold < 1 &&
    topGroups.every((n) => Number.isInteger(n) && n > 0);
  if (!ok || !values.data) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const data = parseDataset(JSON.parse(readFileSync(values.data, 'utf8')));
  console.log(JSON.stringify(runMissedEval(data, { perLabel, seed, threshold, topGroups }), null, 2));
}

main();
