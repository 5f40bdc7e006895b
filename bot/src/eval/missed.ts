/**
 * Learning from the agents, simulated on a CLINC150-format data set: a knowledge base of a few
 * phrasings per entry is asked the `val` questions (and `oos_val`); the ones it misses (a
 * suggestion, an escalation, or a wrong answer the visitor would follow with "a person
 * please") are grouped as the "What the bot missed" view groups them; for the N largest
 * groups the agent's answer is the members' most common gold label (out-of-scope groups are
 * skipped: no entry answers them), and the group's representative question becomes a new
 * phrasing of that entry, as the view's "Add as phrasing" does. Reported on `test` + `oos_test`
 * before and after; only `train` and `val` are used to learn anything.
 */

import type { KbEntry } from '@cascade/shared';
import { createBot } from '../bot.ts';
import { groupQuestions } from '../missed.ts';
import { defaultThresholds } from '../thresholds.ts';
import { keepPerLabel, knowledgeBase, type Dataset } from './dataset.ts';

export interface AnswerRates {
  /** In-scope test questions answered outright with the right entry. */
  answeredRightRate: number;
  /** Outright answers (in scope or not) that were wrong. */
  answeredWrongRate: number;
  /** All test questions answered outright. */
  answerRate: number;
}

export interface MissedRun {
  topGroups: number;
  phrasingsAdded: number;
  test: AnswerRates;
}

export interface MissedReport {
  perLabel: number;
  seed: number;
  threshold: number;
  valQuestions: number;
  valMissed: number;
  groups: number;
  /** Share of grouped missed questions whose gold label is their group's most common one. */
  groupPurity: number;
  before: AnswerRates;
  after: MissedRun[];
}

const OOS = 'oos';

function rates(entries: KbEntry[], labelOf: Map<string, string>, rows: readonly [string, string][]): AnswerRates {
  const bot = createBot(entries, { thresholds: defaultThresholds });
  let inScope = 0;
  let right = 0;
  let answered = 0;
  let wrong = 0;
  for (const [text, label] of rows) {
    const d = bot.decide(text);
    if (label !== OOS) inScope++;
    if (d.kind !== 'answer') continue;
    answered++;
    if (labelOf.get(d.entryId) === label) right++;
    else wrong++;
  }
  return {
    answeredRightRate: right / Math.max(1, inScope),
    answeredWrongRate: wrong / Math.max(1, answered),
    answerRate: answered / Math.max(1, rows.length),
  };
}

/** The gold label most members have, and how many have it. */
function majority(labels: readonly string[]): { label: string; count: number } {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = { label: OOS, count: 0 };
  for (const [label, count] of counts) if (count > best.count) best = { label, count };
  return best;
}

export function runMissedEval(
  full: Dataset,
  options: { perLabel: number; seed: number; threshold: number; topGroups: readonly number[] },
): MissedReport {
  const data = keepPerLabel(full, options.perLabel, options.seed);
  const { entries, labelOf } = knowledgeBase(data.train);
  const entryOf = new Map([...labelOf].map(([id, label]) => [label, id]));
  const bot = createBot(entries, { thresholds: defaultThresholds });
  const val = [...data.val, ...data.oos_val];
  const missed = val
    .map(([text, label]) => ({ text, label, decision: bot.decide(text) }))
    .filter(({ label, decision: d }) => d.kind !== 'answer' || labelOf.get(d.entryId) !== label)
    .filter(({ decision: d }) => d.kind !== 'smalltalk' && !(d.kind === 'escalate' && d.reason === 'human_requested'));
  const groups = groupQuestions(missed, entries, options.threshold);
  let pure = 0;
  const labelled = groups.map((g) => {
    const m = majority(g.members.map((q) => q.label));
    pure += m.count;
    return { text: g.representative.text, label: m.label };
  });
  const test = [...data.test, ...data.oos_test];
  const after = options.topGroups.map((n) => {
    const added = labelled.slice(0, n).filter((g) => g.label !== OOS);
    const extended = entries.map((e) => {
      const phrasings = added.filter((g) => entryOf.get(g.label) === e.id).map((g) => g.text.slice(0, 300));
      const en = e.content.en;
      return phrasings.length === 0 || !en
        ? e
        : { ...e, content: { en: { ...en, phrasings: [...en.phrasings, ...phrasings] } } };
    });
    return { topGroups: n, phrasingsAdded: added.length, test: rates(extended, labelOf, test) };
  });
  return {
    perLabel: options.perLabel,
    seed: options.seed,
    threshold: options.threshold,
    valQuestions: val.length,
    valMissed: missed.length,
    groups: groups.length,
    groupPurity: pure / Math.max(1, missed.length),
    before: rates(entries, labelOf, test),
    after,
  };
}
