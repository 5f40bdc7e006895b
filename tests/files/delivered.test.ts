import { randomUUID } from 'node:crypto';
import type { AttachmentLink, VisitorExport, VisitorMessage } from '@cascade/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCascade, type Harness } from '../support/harness.ts';
import { Mailbox, recipient } from '../delivery/smtp.ts';
import { WebhookReceiver } from '../delivery/receiver.ts';
import { restClient } from '../support/rest.ts';
import { png, visitorUpload } from './uploads.ts';

let h: Harness;
let mailbox: Mailbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  mailbox = await Mailbox.start();
  receiver = await WebhookReceiver.start();
  h = await startCascade({ SMTP_URL: mailbox.url, FILE_LINK_MINUTES: '5', FILE_MAIL_LINK_HOURS: '48' });
  await h.configureSite({
    sinks: { webhookUrl: receiver.url, supportEmail: 'team@cedar.example', emailVisitors: true },
  });
});
afterAll(async () => {
  await h.close();
  await mailbox.close();
  await receiver.close();
});

const HOUR = 3_600_000;
const get = (link: string) => {
  const u = new URL(link);
  return fetch(`${h.url}${u.pathname}${u.search}`);
};

describe('files beyond the chat', () => {
  it('gives webhooks and ticket emails links that last FILE_MAIL_LINK_HOURS, and the chat short ones', async () => {
    const visitor = await h.visitor();
    const up = await visitorUpload(h.url, visitor.token, 'damage.png', await png());
    expect(up.body.file.expiresAt).toBeLessThanOrEqual(Date.now() + 6 * 60_000);
    const { message } = await visitor.ok<{ message: VisitorMessage }>('message:send', {
      clientMsgId: randomUUID(),
      text: 'the box arrived broken',
      attachments: [up.body.file.id],
    });

    const hit = await receiver.next(
      (x) =>
        x.payload.type === 'message.created' &&
        (x.payload.data as { message: { id: string } }).message.id === message.id,
    );
    const hooked = (hit.payload.data as { message: { attachments: AttachmentLink[] } }).message.attachments[0]!;
    expect(hooked.expiresAt).toBeGreaterThan(Date.now() + 47 * HOUR);
    expect((await get(hooked.url)).status).toBe(200);

    // Nobody is online: the chat becomes a ticket, mailed to the support address and to the visitor.
    await visitor.ok('conversation:escalate', {});
    await visitor.ok('conversation:leave-email', { email: 'me@example.com' });
    const team = await mailbox.next((m) => recipient(m) === 'team@cedar.example');
    expect(team.text).toContain('File: damage.png <');
    const mail = await mailbox.next((m) => recipient(m) === 'me@example.com');
    expect(mail.text).toContain('File: damage.png <');
    const link = /File: damage\.png <([^>]+)>/.exec(mail.text ?? '')![1]!;
    expect(Number(new URL(link).searchParams.get('e'))).toBeGreaterThan(Date.now() + 47 * HOUR);
    expect(mail.html).toContain('>damage.png</a>');
    expect((await get(link)).status).toBe(200);
    visitor.close();
  });

  it('gives a visitor’s data export links to their files that last FILE_MAIL_LINK_HOURS', async () => {
    const visitor = await h.visitor();
    const up = await visitorUpload(h.url, visitor.token, 'receipt.png', await png());
    const { message } = await visitor.ok<{ message: VisitorMessage }>('message:send', {
      clientMsgId: randomUUID(),
      text: 'my receipt',
      attachments: [up.body.file.id],
    });
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    const exported = await admin.post<VisitorExport>('/api/privacy/export', {
      siteId: h.demos[0]!.siteId,
      conversationId: message.conversationId,
    });
    expect(exported.status).toBe(200);
    const sent = exported.body.visitors[0]!.conversations[0]!.messages.find((m) => m.id === message.id)!;
    const file = sent.attachments![0]!;
    expect(file.name).toBe('receipt.png');
    expect(file.expiresAt).toBeGreaterThan(Date.now() + 47 * HOUR);
    expect(Number(new URL(file.url).searchParams.get('e'))).toBe(file.expiresAt);
    expect((await get(file.url)).status).toBe(200);
    visitor.close();
  });
});
