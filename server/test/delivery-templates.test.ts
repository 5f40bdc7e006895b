import { Ticket, type Message } from '@cascade/shared';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/delivery/mail-html.ts';
import { replyMail, supportTicketMail, transcriptMail, visitorTicketMail } from '../src/delivery/templates.ts';

const at = Date.UTC(2025, 2, 12, 14, 3);
const msg = (m: Partial<Message>): Message => ({
  id: '1-0',
  conversationId: 'c1',
  clientMsgId: null,
  author: 'visitor',
  agentId: null,
  authorName: null,
  text: '',
  ts: at,
  internal: false,
  bot: null,
  event: null,
  data: null,
  ...m,
});
const transcript: Message[] = [
  msg({ text: 'سفارشم <b>کجاست</b>؟' }),
  msg({ author: 'bot', text: 'Orders ship in 2 days.' }),
  msg({ author: 'system', event: 'claimed', text: 'Lina Haddad joined the chat', data: { agentName: 'Lina Haddad' } }),
  msg({ author: 'agent', agentId: 'a1', authorName: 'Lina Haddad', text: 'Let me check & see.\nOne moment.' }),
  msg({ author: 'agent', agentId: 'a1', authorName: 'Lina Haddad', text: 'Customer is VIP', internal: true }),
  msg({ author: 'system', event: 'widened', text: 'widened' }),
];
const ticket = (locale: 'en' | 'ar' | 'fa') =>
  Ticket.parse({
    id: 't1',
    siteId: 'demo',
    number: 42,
    conversationId: 'c1',
    status: 'open',
    reason: 'followup',
    skill: 'shipping',
    level: 1,
    assigneeId: 'a1',
    note: 'Ask the warehouse',
    visitor: { id: 'v1', name: 'Maya', email: 'maya@example.com', locale },
    transcript,
    pages: [{ url: 'https://shop.example/checkout', title: 'Checkout', ts: at }],
    history: [],
    createdAt: at,
    updatedAt: at,
  });
const site = { name: 'Cedar & Co.', timeZone: 'UTC' };

describe('email templates', () => {
  it('escapes everything people wrote before it goes into HTML', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
    const { html } = supportTicketMail(ticket('en'), site, 'en', 'https://chat.example/console/');
    expect(html).not.toContain('<b>کجاست</b>');
    expect(html).toContain('&lt;b&gt;کجاست&lt;/b&gt;');
    expect(html).toContain('Let me check &amp; see.<br>One moment.');
    expect(html).toContain('Cedar &amp; Co.');
  });

  it('gives the support team the number, the facts, the pages and the whole conversation with notes marked', () => {
    const m = supportTicketMail(ticket('fa'), site, 'en', 'https://chat.example/console/');
    expect(m.subject).toBe('[Cedar & Co.] New ticket #42: an agent asked for follow-up');
    for (const part of [
      'Maya',
      'maya@example.com',
      'Ask the warehouse',
      'https://shop.example/checkout',
      'Orders ship in 2 days.',
      'https://chat.example/console/',
    ]) {
      expect(m.text).toContain(part);
    }
    expect(m.text).toContain('Lina Haddad (internal note): Customer is VIP');
    expect(m.text).toContain('-- Lina Haddad joined the chat --');
    expect(m.text).toContain('-- widened --');
    expect(m.html).toContain('<html lang="en" dir="ltr">');
  });

  it('writes to the visitor in their language, right to left, without internal notes', () => {
    const m = visitorTicketMail(ticket('fa'), site);
    expect(m.subject).toBe('درخواست شماره #42 شما در Cedar & Co.');
    expect(m.html).toContain('<html lang="fa" dir="rtl">');
    expect(m.text).toContain('شما: سفارشم <b>کجاست</b>؟');
    expect(m.text).toContain('Lina Haddad به گفتگو پیوست');
    expect(m.text).not.toContain('Customer is VIP');
    expect(m.text).not.toContain('widened');
    const ar = visitorTicketMail(ticket('ar'), site);
    expect(ar.subject).toBe('طلبك رقم #42 لدى Cedar & Co.');
    expect(ar.html).toContain('dir="rtl"');
  });

  it('emails a transcript without internal notes', () => {
    const m = transcriptMail(transcript, site, 'en');
    expect(m.subject).toBe('Your conversation with Cedar & Co.');
    expect(m.text).toContain('You: سفارشم');
    expect(m.text).toContain('Assistant: Orders ship in 2 days.');
    expect(m.text).not.toContain('VIP');
    expect(m.html).not.toContain('VIP');
  });

  it('sends an agent’s reply with the ticket number', () => {
    const m = replyMail(ticket('ar'), site, 'وصل طلبك <اليوم>', 'Lina Haddad');
    expect(m.subject).toBe('رد على طلبك رقم #42 لدى Cedar & Co.');
    expect(m.text).toContain('ردّ Lina Haddad على طلبك رقم #42:');
    expect(m.html).toContain('وصل طلبك &lt;اليوم&gt;');
    expect(m.html).toContain('dir="rtl"');
  });
});
