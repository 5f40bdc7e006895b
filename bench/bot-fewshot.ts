import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './support.ts';

/**
 * `node --import tsx bench/bot-fewshot.ts [data.json]`: the bot's eval with 3 and 5 training
 * phrasings per label and with all of them, each with thresholds from the knowledge base alone
 * (`train`, as in production) and chosen on validation (`val`), as one JSON line.
 */
const clinc = fileURLToPath(new URL('../../shared/data/clinc150/data_full.json', import.meta.url));
const fixture = fileURLToPath(new URL('../bot/test/fixtures/clinc150-slice.json', import.meta.url));
// pnpm runs the eval in bot/: the path must not be relative.
const data = resolve(process.argv[2] ?? (existsSync(clinc) ? clinc : fixture));

type Figures = Record<string, unknown> & { thresholds: unknown };
interface Report {
  bySource: Record<'train' | 'val', Figures>;
  answerLatencyP50Ms: number;
  answerLatencyP99Ms: number;
  indexBuildCpuMs: number;
  phrasings: number;
}

const result: Record<string, unknown> = { data };
for (const perLabel of [3, 5, null]) {
  const args = [
    '--silent',
    '--filter',
    '@cascade/bot',
    'eval',
    '--',
    '--data',
    data,
    '--json',
    '--thresholds-from',
    'train',
  ];
  if (perLabel !== null) args.push('--per-label', String(perLabel), '--seed', '1');
  const run = spawnSync('pnpm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const r = JSON.parse(run.stdout) as Report;
  result[perLabel === null ? 'full' : `perLabel${perLabel}`] = {
    phrasings: r.phrasings,
    train: r.bySource.train,
    val: r.bySource.val,
    answerLatencyP50Ms: r.answerLatencyP50Ms,
    answerLatencyP99Ms: r.answerLatencyP99Ms,
    indexBuildCpuMs: r.indexBuildCpuMs,
  };
}
report('bot-fewshot', result);
