import { randomUUID } from 'node:crypto';
import type { ChatSummary, ConversationView } from '@cascade/shared';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { mailingCascade } from '../support/mail-stage.ts';
import { recipient, type Mailbox } from './smtp.ts';

let h: Harness;
let mailbox: Mailbox;
let siteName: string;

mailingCascade(
  { DELIVERY_ATTEMPTS: '6' },
  { webhookUrl: null, supportEmail: 'team@cedar.example', emailVisitors: true },
  (stage) => ({ h, mailbox, siteName } = stage),
);

const send = (text: string) => ({ clientMsgId: randomUUID(), text });
const everySkill = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 }));

describe('emails', () => {
  it('sends a new ticket to the support address, and its number to the visitor in the visitor’s language', async () => {
    const visitor = await h.visitor({ locale: 'fa' });
    await visitor.ok('message:send', send('بسته‌ام هنوز نرسیده است'));
    await visitor.ok('conversation:escalate', {});
    const ticketed = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', {
      email: 'sara@example.com',
      name: 'سارا',
    });
    const n = ticketed.conversation.ticketNumber;
    const ticket = await h.cascade.tickets.ofConversation(h.demo.siteId, ticketed.conversation.id);

    const team = await mailbox.next(
      (m) => recipient(m) === 'team@cedar.example' && m.subject?.includes(`#${n}`) === true,
    );
    expect(team.subject).toBe(`[${siteName}] New ticket #${n}: nobody was available`);
    expect(team.from?.value[0]).toMatchObject({ name: 'Cedar Support', address: 'support@cedar.example' });
    expect(team.replyTo?.text).toContain('sara@example.com');
    expect(team.text).toContain('بسته‌ام هنوز نرسیده است');
    expect(team.text).toContain('sara@example.com');
    expect(team.html).toContain('dir="ltr"');
    expect(team.messageId).toBe(`<mail.ticket.${ticket?.id}@127.0.0.1>`);

    const mine = await mailbox.next((m) => recipient(m) === 'sara@example.com');
    expect(mine.subject).toBe(`درخواست شماره #${n} شما در ${siteName}`);
    expect(mine.text).toContain(`درخواست شماره #${n} برای شما ثبت شد`);
    expect(mine.text).toContain('شما: بسته‌ام هنوز نرسیده است');
    expect(mine.html).toContain('<html lang="fa" dir="rtl">');
    visitor.close();
  });

  it('emails the transcript on request, without internal notes, at most three times an hour', async () => {
    const agent = await h.newAgent({ skills: everySkill, name: 'Omar' });
    // A transcript goes only to the visitor's own address: here, the one their sign-in vouches for.
    const secret = (await h.cascade.sites.secrets(h.demo.siteId))!.identitySecret;
    const identity = await new SignJWT({ email: 'copy@example.com' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('customer-copy')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secret));
    const visitor = await h.visitor({ locale: 'ar', identity });
    await visitor.ok('message:send', send('hello'));
    await visitor.ok('conversation:escalate', {});
    const chat = await agent.next<ChatSummary>('chat:assigned');
    const conversationId = chat.conversation.id;
    await agent.ok('chat:send', { conversationId, clientMsgId: randomUUID(), text: 'Your refund is on its way <3' });
    await agent.ok('chat:send', {
      conversationId,
      clientMsgId: randomUUID(),
      text: 'VIP customer, be nice',
      internal: true,
    });

    await visitor.ok('transcript:request', { email: 'copy@example.com' });
    const mail = await mailbox.next((m) => recipient(m) === 'copy@example.com');
    expect(mail.subject).toBe(`محادثتك مع ${siteName}`);
    expect(mail.text).toContain('أنت: hello');
    expect(mail.text).toContain('Omar: Your refund is on its way <3');
    expect(mail.html).toContain('Your refund is on its way &lt;3');
    expect(mail.html).toContain('dir="rtl"');
    expect(`${mail.text}${String(mail.html)}`).not.toContain('VIP customer');

    await visitor.ok('transcript:request', { email: 'copy@example.com' });
    await visitor.ok('transcript:request', { email: 'copy@example.com' });
    const refused = await visitor.request('transcript:request', { email: 'copy@example.com' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'the transcript can be emailed 3 times an hour; please try again later' },
    });

    await agent.ok('chat:resolve', { conversationId });
    await agent.ok('agent:status', { status: 'away' });
    agent.close();
    visitor.close();
  });

  it('refuses a transcript before there is a conversation, and a malformed address', async () => {
    const visitor = await h.visitor();
    expect(await visitor.request('transcript:request', { email: 'me@example.com' })).toMatchObject({
      ok: false,
      error: { code: 'no_conversation' },
    });
    expect(await visitor.request('transcript:request', { email: 'not an address' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    visitor.close();
  });
});
