import { randomUUID } from 'node:crypto';
import type { ConversationView } from '@cascade/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { mailingCascade } from '../support/mail-stage.ts';
import { recipient, type Mailbox } from './smtp.ts';

let h: Harness;
let mailbox: Mailbox;
let siteName: string;

mailingCascade(
  { RATE_TRANSCRIPTS_PER_ADDRESS_PER_DAY: '2', RATE_TRANSCRIPTS_PER_SITE_PER_DAY: '3' },
  // Only transcripts are mailed here, so every mail the box gets is one.
  { webhookUrl: null, supportEmail: null, emailVisitors: false },
  (stage) => ({ h, mailbox, siteName } = stage),
);

const send = (text: string) => ({ clientMsgId: randomUUID(), text });

async function verified(email: string, sub: string, locale = 'en') {
  const secret = (await h.cascade.sites.secrets(h.demo.siteId))!.identitySecret;
  const identity = await new SignJWT({ email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
  const v = await h.visitor({ identity, locale });
  await v.ok('message:send', send('where is my parcel?'));
  return v;
}

describe('transcript emails are no relay', () => {
  it('goes only to the address left in the chat, and refuses any other without sending', async () => {
    const visitor = await h.visitor({ locale: 'fa' });
    await visitor.ok('message:send', send('Click http://evil.example to claim your prize'));
    const stranger = await visitor.request('transcript:request', { email: 'victim@example.com' });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Nobody is online: the visitor is offered a ticket and leaves their own address.
    await visitor.ok('conversation:escalate', {});
    const left = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', {
      email: 'Sara@Example.com',
    });
    expect(left.conversation.transcriptTo).toEqual(['sara@example.com']);
    await visitor.ok('transcript:request', { email: 'sara@example.com' });
    const mail = await mailbox.next((m) => recipient(m) === 'sara@example.com');
    expect(mail.subject).toBe(`گفتگوی شما با ${siteName}`);
    expect(mail.text).toContain(`متن گفتگوی شما با ${siteName} که در گفتگوی آن درخواست کردید`);
    expect(mail.text).toContain('شما: Click http://evil.example');

    for (const email of ['victim@example.com', 'VICTIM@example.com']) {
      expect(await visitor.request('transcript:request', { email })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(mailbox.mails.filter((m) => recipient(m).toLowerCase() === 'victim@example.com')).toEqual([]);
    visitor.close();
  });

  it('limits mails per address and per site per day, whoever asks', async () => {
    // The first test sent one; the site may send three a day, an address two.
    const a = await verified('shared@example.com', 'customer-a');
    await a.ok('transcript:request', { email: 'shared@example.com' });
    const b = await verified('shared@example.com', 'customer-b');
    expect(await b.request('transcript:request', { email: 'shared@example.com' })).toMatchObject({ ok: true });
    expect(await b.request('transcript:request', { email: 'shared@example.com' })).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'this address has had as many transcripts as it may today; please try again tomorrow',
      },
    });
    const c = await verified('other@example.com', 'customer-c');
    expect(await c.request('transcript:request', { email: 'other@example.com' })).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'this site has sent as many transcripts as it may today; please try again tomorrow',
      },
    });
    await expect.poll(() => mailbox.mails.filter((m) => recipient(m) === 'shared@example.com').length).toBe(2);
    expect(mailbox.mails.filter((m) => recipient(m) === 'other@example.com')).toEqual([]);
    for (const v of [a, b, c]) v.close();
  });
});
