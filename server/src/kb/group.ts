import { Worker } from 'node:worker_threads';
import { groupQuestions, type QuestionGroup } from '@cascade/bot';
import type { KbEntry, MissedQuestion } from '@cascade/shared';

/**
 * Up to this many questions are grouped on the event loop (a few milliseconds); more take a
 * thread of their own: 1,000 questions against the demo knowledge base took 0.3-0.7 s on the
 * loaded two-core machine.
 */
export const GROUP_INLINE_MAX = 100;

/** The groups of `questions`, off the event loop when there are many (structured clone keeps shared members). */
export function groupMissed(questions: MissedQuestion[], entries: KbEntry[]): Promise<QuestionGroup<MissedQuestion>[]> {
  if (questions.length <= GROUP_INLINE_MAX) return Promise.resolve(groupQuestions(questions, entries));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./group-worker.js', import.meta.url), { workerData: { questions, entries } });
    worker.once('message', (groups: QuestionGroup<MissedQuestion>[]) => {
      resolve(groups);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`grouping thread ended with code ${code}`)));
  });
}
