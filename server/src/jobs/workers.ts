import { Worker, type Job } from 'bullmq';
import type { Config } from '../config.ts';
import { jobConnection, jobPrefix } from './connection.ts';
import { DELIVERIES, HISTORY, TIMERS, timerBackoff } from './queues.ts';

export type Processor = (job: Job) => Promise<unknown>;
export type Processors = {
  [TIMERS]: Record<string, Processor>;
  [DELIVERIES]: Record<string, Processor>;
  [HISTORY]: Record<string, Processor>;
};

/** Archiving holds a database connection per job; the pool has ten. */
const CONCURRENCY: Record<keyof Processors, number> = { [TIMERS]: 20, [DELIVERIES]: 10, [HISTORY]: 4 };

type Log = { error: (obj: unknown, msg?: string) => void; warn: (obj: unknown, msg?: string) => void };

/** One worker per queue, dispatching each job to the processor named after it. */
export function startWorkers(config: Config, processors: Processors, log: Log) {
  const connection = jobConnection(config);
  const prefix = jobPrefix(config);
  const workers = (Object.keys(processors) as (keyof Processors)[]).map((queue) => {
    const byName = processors[queue];
    const worker = new Worker(
      queue,
      async (job) => {
        const run = byName[job.name];
        if (!run) throw new Error(`no processor for ${queue}/${job.name}`);
        return run(job);
      },
      {
        connection,
        prefix,
        concurrency: CONCURRENCY[queue],
        // A timer caught on a hung or killed worker is taken up again however often that happens.
        ...(queue === TIMERS
          ? { maxStalledCount: Number.MAX_SAFE_INTEGER, settings: { backoffStrategy: timerBackoff } }
          : {}),
      },
    );
    worker.on('failed', (job, err) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      const entry = { queue, job: job?.name, id: job?.id, attempt: job?.attemptsMade, err: err.message };
      if (final) log.error(entry, 'job failed for good');
      else log.warn(entry, 'job failed; it will be tried again');
    });
    worker.on('error', (err) => log.error({ queue, err: err.message }, 'worker error'));
    return worker;
  });
  return {
    /** Lets running jobs finish, then closes. */
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
export type Workers = ReturnType<typeof startWorkers>;
