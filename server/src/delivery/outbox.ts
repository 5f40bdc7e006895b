import { CascadeError, type Delivery } from '@cascade/shared';
import type { Config } from '../config.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { Queues } from '../jobs/queues.ts';
import { MAIL_JOB, WEBHOOK_JOB, type Outgoing } from './jobs.ts';
import { deliveryRecords } from './records.ts';

export type OutboxDeps = { config: Config; redis: Redis; keys: Keys; queues: Queues };

/**
 * Puts deliveries on the `deliveries` queue with a record of each. The delivery id is the
 * job id, so the same delivery queued twice runs once.
 */
export function outbox(d: OutboxDeps) {
  const records = deliveryRecords(d.redis, d.keys);

  return {
    records,

    async enqueue(o: Outgoing): Promise<Delivery> {
      const { deliveryId: id, siteId } = o.job;
      const { delivery, isNew } = await records.createOnce({
        id,
        siteId,
        kind: o.kind,
        subject: o.kind === 'webhook' ? o.job.payload.type : o.job.mail.subject,
        target: o.kind === 'webhook' ? o.target : o.job.to,
        createdAt: Date.now(),
      });
      // A record still pending may have lost its job to a crash right after it was written:
      // queue it again; BullMQ ignores the add while the job with that id exists.
      if (isNew || delivery.status === 'pending') {
        await d.queues.deliveries.add(o.kind === 'webhook' ? WEBHOOK_JOB : MAIL_JOB, o.job, { jobId: id });
      }
      return delivery;
    },

    /** Runs a failed delivery again, with a fresh set of tries. */
    async retry(siteId: string, id: string): Promise<Delivery> {
      if (!(await records.reopen(siteId, id)))
        throw new CascadeError('invalid_state', 'only a failed delivery can be retried');
      const job = await d.queues.deliveries.getJob(id);
      try {
        if (!job) throw new Error('its job is gone');
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        await records.tryFailed(siteId, id, `could not be retried: ${why}`, true);
        throw new CascadeError('invalid_state', `this delivery could not be retried: ${why}`);
      }
      const delivery = await records.get(siteId, id);
      if (!delivery) throw new CascadeError('not_found', 'no such delivery');
      return delivery;
    },
  };
}
export type Outbox = ReturnType<typeof outbox>;
