import { Worker } from 'node:worker_threads';
import type { BotModel } from '@cascade/bot';
import type { KbEntry } from '@cascade/shared';
import type { BuildReply, BuildRequest, BuildThreadData } from './build-protocol.ts';

export type Built = { entries: KbEntry[]; model: BotModel };

type Job = { load: () => Promise<string[]>; resolve: (b: Built) => void; reject: (e: Error) => void };

type Thread = { worker: Worker; job: (Job & { id: number }) | null };

/**
 * Threads that build bots, and a queue in front of them. A job brings a loader rather than
 * the entries, so a queued build holds no knowledge base in memory: however many sites import
 * at once, at most `size` knowledge bases and models are being built. A thread that fails
 * (out of memory, crashed) fails its job only and is replaced.
 */
export function buildPool(opts: { size: number; heapMb: number; nice: number }) {
  const queue: Job[] = [];
  const threads: (Thread | null)[] = Array.from({ length: opts.size }, () => null);
  let nextId = 1;
  let closed = false;

  function spawn(slot: number): Thread {
    const worker = new Worker(new URL('./build-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: opts.heapMb },
      workerData: { nice: opts.nice } satisfies BuildThreadData,
    });
    // An idle build thread must not keep the process alive.
    worker.unref();
    const thread: Thread = { worker, job: null };
    worker.on('message', (reply: BuildReply) => {
      const job = thread.job;
      if (!job || job.id !== reply.id) return;
      thread.job = null;
      if (reply.ok) job.resolve({ entries: reply.entries, model: reply.model });
      else job.reject(new Error(reply.message));
      pump();
    });
    const fail = (e: Error) => {
      if (threads[slot] === thread) threads[slot] = null;
      thread.job?.reject(e);
      thread.job = null;
      pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the build thread stopped (exit code ${code})`)));
    threads[slot] = thread;
    return thread;
  }

  function pump(): void {
    if (closed) return;
    for (let slot = 0; slot < threads.length && queue.length > 0; slot++) {
      const existing = threads[slot];
      if (existing?.job) continue;
      const thread = existing ?? spawn(slot);
      const job = { ...(queue.shift() as Job), id: nextId++ };
      thread.job = job;
      job.load().then(
        (entries) => {
          if (thread.job === job) thread.worker.postMessage({ id: job.id, entries } satisfies BuildRequest);
        },
        (e: unknown) => {
          if (thread.job !== job) return;
          thread.job = null;
          job.reject(e instanceof Error ? e : new Error(String(e)));
          pump();
        },
      );
    }
  }

  // Started now, so that the first build does not also wait for a thread to load its code.
  for (let slot = 0; slot < threads.length; slot++) spawn(slot);

  return {
    /** Builds from what `load` reads once a thread is free. */
    build(load: () => Promise<string[]>): Promise<Built> {
      if (closed) return Promise.reject(new Error('the build pool is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ load, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the build pool is closed'));
      await Promise.all(threads.flatMap((t) => (t ? [t.worker.terminate()] : [])));
    },
  };
}
export type BuildPool = ReturnType<typeof buildPool>;
