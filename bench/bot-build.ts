import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBot, normalize } from '@cascade/bot';
import type { KbEntry } from '@cascade/shared';
import { percentile, report, round } from './support.ts';

/**
 * `node --import tsx bench/bot-build.ts [data.json]`: builds a knowledge base of 1,000 entries
 * with 10 phrasings each (real questions from a CLINC150-format file, 10 consecutive ones per
 * entry, cycled when the file has fewer) and reports the build's wall and CPU time, then
 * times `decide` on 2,000 of the file's questions beside a bare lookup in the same run
 * (normalise and look each word up in a map of the knowledge base's words), so that the ratio
 * says what the bot adds whatever the machine is doing.
 */
const clinc = fileURLToPath(new URL('../../shared/data/clinc150/data_full.json', import.meta.url));
const fixture = fileURLToPath(new URL('../bot/test/fixtures/clinc150-slice.json', import.meta.url));
const file = process.argv[2] ?? (existsSync(clinc) ? clinc : fixture);
const data = JSON.parse(readFileSync(file, 'utf8')) as { train: [string, string][]; test: [string, string][] };

const ENTRIES = 1000;
const PHRASINGS = 10;
const texts = data.train.map(([text]) => text);
const at = (i: number) => texts[i % texts.length] as string;
const entries: KbEntry[] = Array.from({ length: ENTRIES }, (_, e) => ({
  id: `entry-${e}`,
  skill: 'general',
  content: {
    en: {
      question: at(e * PHRASINGS),
      phrasings: Array.from({ length: PHRASINGS - 1 }, (_, k) => at(e * PHRASINGS + k + 1)),
      answer: `Answer ${e}.`,
    },
  },
  related: [],
  updatedAt: 0,
}));

const started = performance.now();
const cpu = process.cpuUsage();
const bot = createBot(entries);
const buildMs = performance.now() - started;
const buildCpuMs = process.cpuUsage(cpu).user / 1000;

const queries = data.test.slice(0, 2000).map(([text]) => text);
const known = new Map<string, number>();
for (const text of texts.slice(0, ENTRIES * PHRASINGS))
  for (const w of normalize(text).split(' ')) known.set(w, (known.get(w) ?? 0) + 1);
const time = (run: (text: string) => unknown) => {
  for (const q of queries) run(q);
  return queries.map((q) => {
    const t = performance.now();
    run(q);
    return performance.now() - t;
  });
};
const decide = time((q) => bot.decide(q));
const bare = time((q) =>
  normalize(q)
    .split(' ')
    .reduce((sum, w) => sum + (known.get(w) ?? 0), 0),
);

report('bot-build', {
  entries: ENTRIES,
  phrasings: bot.size * PHRASINGS,
  buildMs: round(buildMs),
  buildCpuMs: round(buildCpuMs),
  decideP50Ms: round(percentile(decide, 50)),
  decideP99Ms: round(percentile(decide, 99)),
  bareP99Ms: round(percentile(bare, 99)),
  p99Ratio: round(percentile(decide, 99) / Math.max(1e-6, percentile(bare, 99))),
});
