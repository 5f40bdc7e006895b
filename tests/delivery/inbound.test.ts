import { randomUUID } from 'node:crypto';
import type { HeldEmail, Ticket, TicketEmailNotice } from '@cascade/shared';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { mailingCascade } from '../support/mail-stage.ts';
import { restClient } from '../support/rest.ts';
import { waitUntil } from '../support/waits.ts';
import { postInbound, rawMail, replyAddress, sendSmtp, ticketOfEmail } from './inbound-mail.ts';
import { recipient, type Mailbox } from './smtp.ts';

const SECRET = 'inbound-secret-for-tests';
const DOMAIN = 'reply.cedar.example';

let h: Harness;
let mailbox: Mailbox;
let smtpPort: number;

mailingCascade(
  {
    INBOUND_DOMAIN: DOMAIN,
    INBOUND_SMTP_PORT: '0',
    INBOUND_SMTP_HOST: '127.0.0.1',
    INBOUND_SECRET: SECRET,
    RATE_INBOUND_PER_TICKET_PER_HOUR: '6',
    INBOUND_MAX_BYTES: '100000',
  },
  { webhookUrl: null, supportEmail: 'team@cedar.example', emailVisitors: true },
  (stage) => {
    ({ h, mailbox } = stage);
    smtpPort = h.cascade.inboundSmtp?.port ?? 0;
  },
);

const send = (text: string) => ({ clientMsgId: randomUUID(), text });

const ticketByEmail = (email: string, locale = 'en') => ticketOfEmail(h, mailbox, email, locale);

const ticketNow = async (t: Ticket) => (await h.cascade.tickets.get(t.siteId, t.id)) as Ticket;
const lastItem = async (t: Ticket) => (await ticketNow(t)).history.at(-1);
const lina = async () => restClient(h.url, await h.login('lina@cedar.example'));

/** A chat an agent answered and resolved, its transcript emailed to `email`. */
async function transcriptSent(
  email: string,
  agentName: string,
): Promise<{ conversationId: string; transcript: ParsedMail }> {
  const everySkill = ['general', 'billing', 'shipping', 'returns', 'technical'].map((skill) => ({ skill, level: 1 }));
  const agent = await h.newAgent({ skills: everySkill, name: agentName });
  const visitor = await h.visitor();
  await visitor.ok('message:send', send('Do you ship to Oman?'));
  await visitor.ok('conversation:escalate', {});
  const chat = await agent.next<{ conversation: { id: string } }>('chat:assigned');
  const conversationId = chat.conversation.id;
  await agent.ok('chat:send', { conversationId, ...send('Yes, in five days.') });
  await h.cascade.conversations.update(conversationId, { visitorEmail: email });
  await visitor.ok('transcript:request', { email });
  await agent.ok('chat:resolve', { conversationId });
  await agent.ok('agent:status', { status: 'away' });
  const transcript = await mailbox.next((m) => recipient(m) === email);
  visitor.close();
  agent.close();
  return { conversationId, transcript };
}

/** The chat is in PostgreSQL and, as HOT_RETENTION_HOURS does in the end, no longer in Redis. */
async function onlyInHistory(conversationId: string): Promise<void> {
  await waitUntil(
    'the finished chat to be archived',
    () => h.cascade.db.query('SELECT 1 FROM conversations WHERE id = $1', [conversationId]),
    (rows) => rows.length === 1,
  );
  const k = h.cascade.keys;
  await h.cascade.redis.del([k.conversation(conversationId), k.messages(conversationId), k.dedupe(conversationId)]);
  expect(await h.cascade.conversations.get(conversationId)).toBeNull();
}

describe('replies by email', () => {
  it('threads a reply through the SMTP port into the ticket, reopens it, tells the agents, and answers in the thread', async () => {
    const email = 'sara.smtp@example.com';
    const { ticket, mail } = await ticketByEmail(email);
    const to = replyAddress(mail);
    expect(to).toMatch(new RegExp(`^reply\\+[0-9a-f]{32}@${DOMAIN.replace(/\./g, '\\.')}$`));
    const rest = await lina();
    expect((await rest.patch(`/api/tickets/${ticket.id}`, { status: 'solved' })).status).toBe(200);

    const agent = await h.newAgent({ skills: [{ skill: 'general', level: 1 }], name: 'Omar' });
    const heard = agent.next<TicketEmailNotice>('ticket:email', (n) => n.ticketId === ticket.id);
    const answer = rawMail({
      from: `Sara <${email.toUpperCase()}>`,
      to,
      subject: `Re: ${mail.subject ?? ''}`,
      inReplyTo: mail.messageId ?? '',
      text: [
        'It has still not arrived.',
        '',
        `On Mon, 7 Dec 2026 at 10:00, Cedar Support <support@cedar.example> wrote:`,
        '> Thank you for contacting us.',
      ].join('\n'),
    });
    await sendSmtp(smtpPort, answer.raw, { from: email, to });

    expect(await heard).toMatchObject({ ticketId: ticket.id, number: ticket.number, from: email, held: false });
    const now = await ticketNow(ticket);
    expect(now.status).toBe('open');
    expect(now.history.at(-1)).toMatchObject({ action: 'email', by: 'Sara', detail: 'It has still not arrived.' });

    const replied = await rest.post<{ delivery: { id: string } }>(`/api/tickets/${ticket.id}/replies`, {
      text: 'It left our warehouse today.',
    });
    expect(replied.status).toBe(201);
    const out = await mailbox.next((m) => recipient(m) === email && m.text?.includes('It left our warehouse') === true);
    expect(out.inReplyTo).toBe(answer.messageId);
    expect(out.references).toEqual([mail.messageId, answer.messageId]);
    expect(replyAddress(out)).toBe(to);
    expect(out.subject).toContain(`#${ticket.number}`);
    await agent.ok('agent:status', { status: 'away' });
    agent.close();
  });

  it('writes back in the visitor’s language', async () => {
    const email = 'sara.fa@example.com';
    const { ticket, mail } = await ticketByEmail(email, 'fa');
    const rest = await lina();
    await rest.post(`/api/tickets/${ticket.id}/replies`, { text: 'بسته امروز فرستاده شد.' });
    const out = await mailbox.next((m) => recipient(m) === email && m.text?.includes('بسته امروز') === true);
    expect(out.html).toContain('<html lang="fa" dir="rtl">');
    expect(out.subject).toBe(
      `پاسخ به درخواست شماره #${ticket.number} شما در ${(await h.cascade.sites.get(h.demo.siteId))?.name ?? ''}`,
    );
    expect(out.inReplyTo).toBe(mail.messageId);
  });

  it('takes a reply over HTTP with the secret only, and cuts Arabic and Persian quotes', async () => {
    const email = 'layla@example.com';
    const { ticket, mail } = await ticketByEmail(email, 'ar');
    const to = replyAddress(mail);
    const arabic = rawMail({
      from: email,
      to,
      subject: 'رد',
      text: 'وصلت الطلبية، شكرًا.\n\nفي الاثنين، ٧ ديسمبر ٢٠٢٦، كتب Cedar Support <support@cedar.example>:\n> طلبك',
    });
    const before = await h.snapshot();
    expect(await postInbound(h.url, arabic.raw, null)).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    expect(await postInbound(h.url, arabic.raw, 'a-wrong-secret-of-some-length')).toMatchObject({ status: 401 });
    expect(await postInbound(h.url, 'this is not an email at all', SECRET)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_payload' } },
    });
    expect(await h.snapshot()).toEqual(before);

    expect(await postInbound(h.url, arabic.raw, SECRET)).toEqual({
      status: 202,
      body: { outcome: 'accepted', ticketId: ticket.id },
    });
    expect(await lastItem(ticket)).toMatchObject({ action: 'email', detail: 'وصلت الطلبية، شكرًا.' });
    // The provider sends the same message again: still one reply.
    expect((await postInbound(h.url, arabic.raw, SECRET)).body.outcome).toBe('duplicate');

    const persian = rawMail({
      from: email,
      to,
      subject: 'پاسخ',
      text: 'ممنون.\n\nدر تاریخ دوشنبه ۷ دسامبر ۲۰۲۶، Cedar Support <support@cedar.example> نوشت:\n> درخواست\n',
    });
    expect((await postInbound(h.url, persian.raw, SECRET)).body.outcome).toBe('accepted');
    expect(await lastItem(ticket)).toMatchObject({ action: 'email', detail: 'ممنون.' });
  });

  it('keeps an HTML-only reply beside an attachment as plain text', async () => {
    const email = 'html@example.com';
    const { ticket, mail } = await ticketByEmail(email);
    const notes = Buffer.from('Left leg, since Monday.\n').toString('base64');
    const raw = [
      `From: ${email}`,
      `To: ${replyAddress(mail)}`,
      'Subject: Re: photo',
      `Message-ID: <${randomUUID()}@client.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Here is the <b>broken</b> leg.</p><script>alert(1)</script><blockquote>old answer</blockquote>',
      '--b1',
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      'Content-Transfer-Encoding: base64',
      '',
      notes,
      '--b1--',
      '',
    ].join('\r\n');
    expect((await postInbound(h.url, raw, SECRET)).body.outcome).toBe('accepted');
    expect(await lastItem(ticket)).toMatchObject({
      detail: 'Here is the broken leg.',
      attachments: [{ name: 'notes.txt', type: 'text/plain' }],
    });
  });

  it('refuses more emails to one ticket than the hourly limit', async () => {
    const email = 'chatty@example.com';
    const { ticket, mail } = await ticketByEmail(email);
    const to = replyAddress(mail);
    for (let i = 1; i <= 6; i++) {
      const m = rawMail({ from: email, to, subject: 'Re', text: `Message ${i}` });
      expect((await postInbound(h.url, m.raw, SECRET)).body.outcome).toBe('accepted');
    }
    const seventh = rawMail({ from: email, to, subject: 'Re', text: 'Message 7' });
    expect(await postInbound(h.url, seventh.raw, SECRET)).toMatchObject({
      status: 429,
      body: { error: { code: 'rate_limited' } },
    });
    await expect(sendSmtp(smtpPort, seventh.raw, { from: email, to })).rejects.toMatchObject({ responseCode: 452 });
    expect(await lastItem(ticket)).toMatchObject({ detail: 'Message 6' });
  });

  it('refuses an email over the size limit, by SMTP and by HTTP, and keeps the ticket as it was', async () => {
    const email = 'big@example.com';
    const { ticket, mail } = await ticketByEmail(email);
    const to = replyAddress(mail);
    const before = await ticketNow(ticket);
    const big = rawMail({ from: email, to, subject: 'Re', text: 'x'.repeat(150_000) });
    await expect(sendSmtp(smtpPort, big.raw, { from: email, to })).rejects.toMatchObject({ responseCode: 552 });
    expect(await postInbound(h.url, big.raw, SECRET)).toMatchObject({
      status: 413,
      body: { error: { code: 'invalid_payload' } },
    });
    expect(await ticketNow(ticket)).toEqual(before);
  });

  it('stops taking mail at a reply address once its visitor is erased', async () => {
    const email = 'forget.me@example.com';
    const { mail } = await ticketByEmail(email);
    const to = replyAddress(mail);
    const admin = restClient(h.url, await h.login('admin@cedar.example'));
    expect((await admin.post('/api/privacy/erase', { siteId: h.demo.siteId, email })).status).toBe(200);
    const late = rawMail({ from: email, to, subject: 'Re', text: 'Are you there?' });
    await expect(sendSmtp(smtpPort, late.raw, { from: email, to })).rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses unknown reply addresses, by SMTP before the message and by HTTP', async () => {
    const to = `reply+${'0'.repeat(32)}@${DOMAIN}`;
    const unknown = rawMail({ from: 'x@example.com', to, subject: 'hi', text: 'hello' });
    await expect(sendSmtp(smtpPort, unknown.raw, { from: 'x@example.com', to })).rejects.toMatchObject({
      responseCode: 550,
    });
    await expect(
      sendSmtp(smtpPort, unknown.raw, { from: 'x@example.com', to: 'someone@elsewhere.example' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await postInbound(h.url, unknown.raw, SECRET)).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
  });

  it('records auto-replies and bounces without reopening the ticket or answering', async () => {
    const email = 'away@example.com';
    const { ticket, mail } = await ticketByEmail(email);
    const to = replyAddress(mail);
    const rest = await lina();
    await rest.patch(`/api/tickets/${ticket.id}`, { status: 'solved' });
    const sentBefore = mailbox.mails.length;

    const vacation = rawMail({
      from: email,
      to,
      subject: 'Out of Office: back on Monday',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
    });
    await sendSmtp(smtpPort, vacation.raw, { from: email, to });
    expect(await lastItem(ticket)).toMatchObject({ action: 'auto', detail: 'Out of Office: back on Monday' });

    const bounce = rawMail({ from: 'MAILER-DAEMON@mx.example', to, subject: 'Undelivered Mail', text: 'failed' });
    await sendSmtp(smtpPort, bounce.raw, { from: '', to });
    expect(await lastItem(ticket)).toMatchObject({ action: 'auto', detail: 'Undelivered Mail' });

    // Through a provider, the null sender shows in the Return-Path header.
    const relayed = rawMail({
      from: email,
      to,
      subject: 'Delivery Status Notification',
      text: 'could not be delivered',
      headers: { 'Return-Path': '<>' },
    });
    expect((await postInbound(h.url, relayed.raw, SECRET)).body.outcome).toBe('auto');

    expect((await ticketNow(ticket)).status).toBe('solved');
    expect(mailbox.mails.length).toBe(sentBefore);
  });

  it('holds a reply from another sender until an agent accepts it', async () => {
    const email = 'owner@example.com';
    const { ticket, mail } = await ticketByEmail(email);
    const to = replyAddress(mail);
    const spoofed = rawMail({ from: 'mallory@evil.example', to, subject: 'Re', text: 'Send the refund to me.' });
    expect((await postInbound(h.url, spoofed.raw, SECRET)).body.outcome).toBe('held');
    const held = await lastItem(ticket);
    expect(held).toMatchObject({ action: 'held', by: 'mallory@evil.example', detail: 'Send the refund to me.' });

    const rest = await lina();
    const list = await rest.get<{ held: HeldEmail[] }>(`/api/tickets/${ticket.id}/held`);
    expect(list.body.held).toMatchObject([{ id: held?.heldId, status: 'held', from: 'mallory@evil.example' }]);
    const accepted = await rest.post(`/api/tickets/${ticket.id}/held/${held?.heldId ?? ''}`, { decision: 'accept' });
    expect(accepted).toMatchObject({ status: 200, body: { held: { status: 'accepted' } } });
    expect(await lastItem(ticket)).toMatchObject({ action: 'email', by: 'mallory@evil.example' });
    const again = await rest.post(`/api/tickets/${ticket.id}/held/${held?.heldId ?? ''}`, { decision: 'discard' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(
      (await rest.post(`/api/tickets/${ticket.id}/held/${held?.heldId ?? ''}`, { decision: 'maybe' })).status,
    ).toBe(400);

    const junk = rawMail({ from: 'spam@evil.example', to, subject: 'Offer', text: 'Cheap watches.' });
    expect((await postInbound(h.url, junk.raw, SECRET)).body.outcome).toBe('held');
    const junkItem = await lastItem(ticket);
    const discarded = await rest.post(`/api/tickets/${ticket.id}/held/${junkItem?.heldId ?? ''}`, {
      decision: 'discard',
    });
    expect(discarded).toMatchObject({ status: 200, body: { held: { status: 'discarded' } } });
    expect(await lastItem(ticket)).toEqual(junkItem);
    const states = await rest.get<{ held: HeldEmail[] }>(`/api/tickets/${ticket.id}/held`);
    expect(states.body.held.map((e) => e.status).sort()).toEqual(['accepted', 'discarded']);
  });

  it('reopens a finished chat as a ticket when its transcript is answered', async () => {
    const email = 'omani@example.com';
    const { conversationId, transcript } = await transcriptSent(email, 'Nadia');

    const away = rawMail({
      from: email,
      to: replyAddress(transcript),
      subject: 'Automatic reply: Your conversation',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect((await postInbound(h.url, away.raw, SECRET)).body).toEqual({ outcome: 'auto', ticketId: null });
    expect(await h.cascade.tickets.ofConversation(h.demo.siteId, conversationId)).toBeNull();

    const answer = rawMail({ from: email, to: replyAddress(transcript), subject: 'Re', text: 'And to Qatar?' });
    await sendSmtp(smtpPort, answer.raw, { from: email, to: replyAddress(transcript) });
    const ticket = await waitUntil(
      'the ticket of the answered transcript',
      () => h.cascade.tickets.ofConversation(h.demo.siteId, conversationId),
      (t) => t !== null,
    );
    expect(ticket).toMatchObject({ reason: 'email', status: 'open', visitor: { email } });
    expect(ticket?.transcript.map((m) => m.text)).toContain('Yes, in five days.');
    expect(ticket?.history.at(-1)).toMatchObject({ action: 'email', detail: 'And to Qatar?' });
  });

  it('reopens a chat from its history when its transcript is answered after Redis let it go', async () => {
    const email = 'archived@example.com';
    const { conversationId, transcript } = await transcriptSent(email, 'Omar');
    await onlyInHistory(conversationId);

    const answer = rawMail({ from: email, to: replyAddress(transcript), subject: 'Re', text: 'And to Bahrain?' });
    await sendSmtp(smtpPort, answer.raw, { from: email, to: replyAddress(transcript) });
    const ticket = await waitUntil(
      'the ticket of the archived chat',
      () => h.cascade.tickets.ofConversation(h.demo.siteId, conversationId),
      (t) => t !== null,
    );
    expect(ticket).toMatchObject({ reason: 'email', status: 'open', visitor: { email } });
    expect(ticket?.transcript.map((m) => m.text)).toEqual(
      expect.arrayContaining(['Do you ship to Oman?', 'Yes, in five days.']),
    );
    expect(ticket?.history.at(-1)).toMatchObject({ action: 'email', detail: 'And to Bahrain?' });
  });

  // Last: the sweep strips every finished chat of this run.
  it('ends a transcript’s reply address once retention strips the archived chat', async () => {
    const email = 'expired@example.com';
    const { conversationId, transcript } = await transcriptSent(email, 'Rami');
    await onlyInHistory(conversationId);
    await h.cascade.retention.set(h.demo.siteId, { transcriptDays: 1, recordDays: null });
    await h.cascade.retention.sweep(Date.now() + 2 * 24 * 3600 * 1000);

    const answer = rawMail({ from: email, to: replyAddress(transcript), subject: 'Re', text: 'Still there?' });
    expect((await postInbound(h.url, answer.raw, SECRET)).status).toBe(404);
    expect(await h.cascade.tickets.ofConversation(h.demo.siteId, conversationId)).toBeNull();
  });
});
