import { parentPort, workerData } from 'node:worker_threads';
import { groupQuestions } from '@cascade/bot';
import type { KbEntry, MissedQuestion } from '@cascade/shared';

/** Groups one request's missed questions off the event loop and hands the groups back. */
const port = parentPort;
if (!port) throw new Error('group-thread runs as a worker thread');
const { questions, entries } = workerData as { questions: MissedQuestion[]; entries: KbEntry[] };
port.postMessage(groupQuestions(questions, entries));
