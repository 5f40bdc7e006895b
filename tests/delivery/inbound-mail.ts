import { randomUUID } from 'node:crypto';
import type { ConversationView, Ticket, TicketSummary } from '@cascade/shared';
import type { ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import type { Harness } from '../support/harness.ts';
import { waitUntil } from '../support/waits.ts';
import { recipient, type Mailbox } from './smtp.ts';

export type RawMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Answers this message: In-Reply-To and References. */
  inReplyTo?: string;
  headers?: Record<string, string>;
};

const encodedWord = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

/** A plain-text email as a mail client writes it, with its own Message-ID. */
export function rawMail(m: RawMail): { raw: string; messageId: string } {
  const messageId = `<${randomUUID()}@client.example>`;
  const lines = [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${encodedWord(m.subject)}`,
    `Message-ID: ${messageId}`,
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`, `References: ${m.inReplyTo}`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    '',
    Buffer.from(m.text, 'utf8').toString('base64'),
    '',
  ];
  return { raw: lines.join('\r\n'), messageId };
}

/**
 * Hands a message to an SMTP server, as a sending mail server would. `returnPath: ''` sends it
 * from the null sender, as bounces come.
 */
export async function sendSmtp(port: number, raw: string, envelope: { from: string; to: string }): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/** Posts a raw message to the HTTP endpoint, as a provider's inbound webhook does. */
export async function postInbound(
  url: string,
  raw: string,
  secret: string | null,
): Promise<{ status: number; body: { outcome?: string; error?: { code: string; message: string } } }> {
  const res = await fetch(`${url}/api/inbound/email`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}

/** The Reply-To address of a parsed email. */
export function replyAddress(m: ParsedMail): string {
  return m.replyTo?.value[0]?.address ?? '';
}

/**
 * The ticket's first email to the visitor is out and written down (its Message-ID in the thread,
 * then its delivery), so what follows is threaded after it and nothing changes behind a snapshot.
 */
export async function sent(h: Harness, t: Ticket | TicketSummary): Promise<void> {
  const key = h.cascade.keys.delivery(t.siteId, `mail.ticket-visitor.${t.id}`);
  await waitUntil(
    'the visitor’s email to be recorded as sent',
    () => h.cascade.redis.hGet(key, 'status'),
    (s) => s === '"delivered"',
  );
}

/** A visitor leaves an address while nobody is online: a ticket, and its email to them. */
export async function ticketOfEmail(
  h: Harness,
  mailbox: Mailbox,
  email: string,
  locale = 'en',
): Promise<{ ticket: Ticket; mail: ParsedMail }> {
  const visitor = await h.visitor({ locale });
  await visitor.ok('message:send', { clientMsgId: randomUUID(), text: 'Where is my parcel?' });
  await visitor.ok('conversation:escalate', {});
  const { conversation } = await visitor.ok<{ conversation: ConversationView }>('conversation:leave-email', {
    email,
    name: 'Sara',
  });
  visitor.close();
  const ticket = await h.cascade.tickets.ofConversation(h.demo.siteId, conversation.id);
  if (!ticket) throw new Error('no ticket');
  const mail = await mailbox.next((m) => recipient(m) === email && m.subject?.includes(`#${ticket.number}`) === true);
  await sent(h, ticket);
  return { ticket, mail };
}

/** A file of an email: an attachment, or an image the HTML body shows by its Content-ID. */
export type MailFile = { name: string; type: string; bytes: Buffer; cid?: string };

/**
 * An email with files, as a mail client writes one: the HTML body and its inline images
 * together (multipart/related), the other files beside them (multipart/mixed).
 */
export function mailWithFiles(m: { from: string; to: string; html: string; files: MailFile[] }): string {
  const part = (f: MailFile) => [
    `Content-Type: ${f.type}; name="${f.name}"`,
    `Content-Disposition: ${f.cid ? 'inline' : 'attachment'}; filename="${f.name}"`,
    ...(f.cid ? [`Content-ID: <${f.cid}>`] : []),
    'Content-Transfer-Encoding: base64',
    '',
    f.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
  ];
  const related = [
    'Content-Type: multipart/related; boundary="rel"',
    '',
    '--rel',
    'Content-Type: text/html; charset=utf-8',
    '',
    m.html,
    ...m.files.filter((f) => f.cid).flatMap((f) => ['--rel', ...part(f)]),
    '--rel--',
  ];
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    'Subject: Re: your ticket',
    `Message-ID: <${randomUUID()}@client.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    ...related,
    ...m.files.filter((f) => !f.cid).flatMap((f) => ['--mix', ...part(f)]),
    '--mix--',
    '',
  ].join('\r\n');
}
