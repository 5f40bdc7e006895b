import { Queue, type JobsOptions } from 'bullmq';
import type { Config } from '../config.ts';
import { jobConnection, jobPrefix } from './connection.ts';

/** Timers of the waterfall (max wait, widening, grace periods): due at a time, run once. */
export const TIMERS = 'timers';
/** Deliveries to the outside (webhooks, emails): retried with backoff, never dropped silently. */
export const DELIVERIES = 'deliveries';
/** Copies of ended conversations to PostgreSQL: retried until the database takes them. */
export const HISTORY = 'history';
/** How often a worker looks for agents left online by a process that died. */
export const PRESENCE_SWEEP_MS = 5000;
/** How often a worker looks for work a dead process left half done (waterfall/repair.ts): twice per REPAIR_AFTER_MS. */
export const repairSweepMs = (config: Config) => config.REPAIR_AFTER_MS / 2;
/** How often a worker looks for SLA clocks that ran out (routing/sla-sweep.ts). */
export const SLA_SWEEP_MS = 5000;

/**
 * A timer never gives up on a chat: a check that cannot be made yet (Redis away, a process
 * hung) is tried again, with doubling waits up to TIMER_RETRY_MAX_MS, until it can.
 */
export const TIMER_RETRY_MAX_MS = 5000;
export const TIMER_BACKOFF = 'timer-retry';
export const timerBackoff = (attemptsMade: number) =>
  Math.min(500 * 2 ** Math.max(0, attemptsMade - 1), TIMER_RETRY_MAX_MS);
/** Effectively unbounded: at the longest wait, about two months of tries. */
const TIMER_ATTEMPTS = 1_000_000;

/** Doubling waits between tries: twelve tries ride out about half an hour of receiver outage. */
export const deliveryRetries = (config: Config): JobsOptions => ({
  attempts: config.DELIVERY_ATTEMPTS,
  backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: false,
});

export function createQueues(config: Config) {
  const connection = jobConnection(config);
  const prefix = jobPrefix(config);
  const timers = new Queue(TIMERS, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: { age: 24 * 3600 },
      attempts: TIMER_ATTEMPTS,
      backoff: { type: TIMER_BACKOFF },
    },
  });
  const deliveries = new Queue(DELIVERIES, { connection, prefix, defaultJobOptions: deliveryRetries(config) });
  // A database outage only delays archiving: Redis keeps the conversation until a copy commits.
  const history = new Queue(HISTORY, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 30,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
  return {
    timers,
    deliveries,
    history,
    async close() {
      await Promise.allSettled([timers.close(), deliveries.close(), history.close()]);
      connection.disconnect();
    },
  };
}
export type Queues = ReturnType<typeof createQueues>;
