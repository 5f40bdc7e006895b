import type { Site } from '@cascade/shared';
import { afterAll, beforeAll } from 'vitest';
import { Mailbox } from '../delivery/smtp.ts';
import { startCascade, type Harness } from './harness.ts';

export type MailStage = { h: Harness; mailbox: Mailbox; siteName: string };

/**
 * A test SMTP server and a Cascade that mails through it as Cedar's support, for one test
 * file: started before its tests with `env` on top and the site's sinks set, closed after them.
 * `ready` hands the file what it started.
 */
export function mailingCascade(
  env: Record<string, string>,
  sinks: Site['sinks'],
  ready: (stage: MailStage) => void,
): void {
  let stage: Partial<MailStage> = {};
  beforeAll(async () => {
    const mailbox = await Mailbox.start();
    stage = { mailbox };
    const h = await startCascade({
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Cedar Support <support@cedar.example>',
      DELIVERY_BACKOFF_MS: '20',
      ...env,
    });
    stage.h = h;
    const { name } = await h.configureSite({ sinks });
    ready({ h, mailbox, siteName: name });
  });
  afterAll(async () => {
    // Either may be unset when the start failed.
    await stage.h?.close();
    await stage.mailbox?.close();
  });
}
