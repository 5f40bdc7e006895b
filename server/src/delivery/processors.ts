import { UnrecoverableError, type Job } from 'bullmq';
import type { z } from 'zod';
import type { Processor } from '../jobs/workers.ts';
import type { Config } from '../config.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { SiteStore } from '../store/sites.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { MessageStore } from '../store/messages.ts';
import { MAIL_JOB, MailJob, WEBHOOK_JOB, WebhookJob } from './jobs.ts';
import { mailSender, type MailDeps } from './mail.ts';
import { deliveryRecords, type DeliveryRecords } from './records.ts';
import { postWebhook } from './webhook.ts';

type Tracked = { deliveryId: string; siteId: string };

/**
 * Runs one try of a delivery and writes how it went: delivered, or the error; after the
 * last try (or an error retrying cannot fix) the delivery is failed, for an agent to retry.
 */
function tracked<S extends z.ZodType<Tracked>>(
  records: DeliveryRecords,
  schema: S,
  send: (data: z.infer<S>) => Promise<void>,
): Processor {
  return async (job: Job) => {
    const parsed = schema.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(`unreadable delivery job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const data = parsed.data;
    await records.tryStarted(data.siteId, data.deliveryId);
    try {
      await send(data);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const final = e instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await records.tryFailed(data.siteId, data.deliveryId, message, final);
      throw e;
    }
    await records.delivered(data.siteId, data.deliveryId);
  };
}

export type DeliveryDeps = {
  config: Config;
  redis: Redis;
  keys: Keys;
  sites: SiteStore;
  tickets: TicketStore;
  messages: MessageStore;
  mailLinks: MailDeps['mailLinks'];
  mailFile: MailDeps['mailFile'];
};

/** The `deliveries` queue's processors, by job name. */
export function deliveryProcessors(d: DeliveryDeps): Record<string, Processor> {
  const records = deliveryRecords(d.redis, d.keys);
  const sendMail = mailSender(d);
  return {
    // The URL and secret are read at each try, so fixing them in the settings and retrying works.
    [WEBHOOK_JOB]: tracked(records, WebhookJob, async (job) => {
      const [site, secrets] = await Promise.all([d.sites.get(job.siteId), d.sites.secrets(job.siteId)]);
      const url = site?.sinks.webhookUrl;
      if (!url) throw new UnrecoverableError('the site has no webhook URL any more');
      if (!secrets) throw new UnrecoverableError('the site has no webhook secret');
      await records.retarget(job.siteId, job.deliveryId, url);
      await postWebhook(url, secrets.webhookSecret, job.payload, d.config.ALLOW_INTERNAL_WEBHOOKS);
    }),
    [MAIL_JOB]: tracked(records, MailJob, sendMail),
  };
}
