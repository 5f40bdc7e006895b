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
 * says what the bot adds whatever the machine is doing. Last, what the index is for: the
 * file's held-out test questions of the intents the entries were made from, and its
 * out-of-scope test questions, are asked, so that a quicker build is seen not to answer worse.
 */
const clinc = fileURLToPath(new URL('../../shared/data/clinc150/data_full.json', import.meta.url));
const fixture = fileURLToPath(new URL('../bot/test/fixtures/clinc150-slice.json', import.meta.url));
const file = process.argv[2] ?? (existsSync(clinc) ? clinc : fixture);
const data = JSON.parse(readFileSync(file, 'utf8')) as {
  train: [string, string][];
  test: [string, string][];
  oos_test?: [string, string][];
};

const ENTRIES = 1000;
const PHRASINGS = 10;
const texts = data.train.map(([text]) => text);
const at = (i: number) => texts[i % texts.length] as string;
const intentAt = (i: number) => (data.train[i % data.train.length] as [string, string])[1];
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

// An entry is right for a question when one of its phrasings has the question's intent. Ten
// entries share each intent here, so a question's probability is split between siblings and
// the calibrated confidence rarely reaches the answer level: the ranking is judged by the
// first entry offered with every threshold at its lowest, the confidence by how many
// questions in scope and out of scope get an answer or suggestions at the default levels.
const intentsOf = new Map(
  entries.map((entry, e) => [
    entry.id,
    new Set(Array.from({ length: PHRASINGS }, (_, k) => intentAt(e * PHRASINGS + k))),
  ]),
);
const covered = new Set([...intentsOf.values()].flatMap((s) => [...s]));
const heldOut = data.test.filter(([, intent]) => covered.has(intent));
const outOfScope = data.oos_test ?? [];
const always = { thresholds: { answer: 1.01, suggest: 0 } };
const firstRight = heldOut.filter(([text, intent]) => {
  const d = bot.decide(text, always);
  const first = d.kind === 'suggest' ? d.suggestions[0]?.entryId : undefined;
  return first !== undefined && (intentsOf.get(first)?.has(intent) ?? false);
}).length;
const offered = (questions: [string, string][]) =>
  questions.filter(([text]) => ['answer', 'suggest'].includes(bot.decide(text).kind)).length /
  Math.max(1, questions.length);

report('bot-build', {
  entries: ENTRIES,
  phrasings: bot.size * PHRASINGS,
  buildMs: round(buildMs),
  buildCpuMs: round(buildCpuMs),
  decideP50Ms: round(percentile(decide, 50)),
  decideP99Ms: round(percentile(decide, 99)),
  bareP99Ms: round(percentile(bare, 99)),
  p99Ratio: round(percentile(decide, 99) / Math.max(1e-6, percentile(bare, 99))),
  heldOutQuestions: heldOut.length,
  heldOutFirstRight: round(firstRight / Math.max(1, heldOut.length)),
  heldOutOffered: round(offered(heldOut)),
  outOfScopeQuestions: outOfScope.length,
  outOfScopeOffered: round(offered(outOfScope)),
});
