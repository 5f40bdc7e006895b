import { QueueEvents } from 'bullmq';
import type { Delivery } from '@cascade/shared';
import { REDIS_URL, type Harness } from '../support/harness.ts';

/**
 * BullMQ's own event stream for a run's deliveries queue, so a test awaits a delivery's end
 * (completed, or failed after its last try) instead of sleeping.
 */
export async function deliveryEvents(h: Harness): Promise<QueueEvents> {
  const url = new URL(REDIS_URL);
  const events = new QueueEvents('deliveries', {
    connection: { host: url.hostname, port: Number(url.port || 6379) },
    prefix: h.cascade.queues.deliveries.opts.prefix,
  });
  await events.waitUntilReady();
  return events;
}

/** Resolves when the delivery's job completes; rejects with its last error when it fails for good. */
export async function finished(h: Harness, events: QueueEvents, deliveryId: string): Promise<void> {
  const job = await h.cascade.queues.deliveries.getJob(deliveryId);
  if (!job) throw new Error(`no job for delivery ${deliveryId}`);
  await job.waitUntilFinished(events);
}

/** Deliveries as agents see them, through the REST API. */
export async function listDeliveries(h: Harness, cookie: string, query = ''): Promise<Delivery[]> {
  const res = await fetch(`${h.url}/api/deliveries${query}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET /api/deliveries: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { deliveries: Delivery[] }).deliveries;
}
