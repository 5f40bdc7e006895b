import { createHash } from 'node:crypto';
import {
  CascadeError,
  type InboundAnswer,
  type Ticket,
  type TicketEmailNotice,
  type TicketHistoryItem,
} from '@cascade/shared';
import { htmlToText } from 'html-to-text';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Config } from '../config.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import { automaticKind } from './classify.ts';
import type { HeldEmails } from './held.ts';
import { takeMailFiles, type MailFilesDeps } from './mail-files.ts';
import { newPartOf } from './quotes.ts';
import { ticketForReply, type ReplyTicketDeps } from './reopen.ts';

export type InboundDeps = ReplyTicketDeps &
  MailFilesDeps & {
    config: Config;
    redis: Redis;
    keys: Keys;
    rates: RateLimiter;
    notify: Notifier;
    held: HeldEmails;
  };

/** Where the message was sent, as the SMTP envelope or the provider said; empty: read the headers. */
export type Envelope = { recipients: string[]; returnPath: string | null };

/** A Message-ID taken in is remembered this long, so a provider's late retry is still one reply. */
const SEEN_SECONDS = 30 * 24 * 3600;
const HOUR = 3600;
/** A history line holds at most this much of a reply. */
const TEXT_MAX = 4000;

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const all = Array.isArray(field) ? field : field ? [field] : [];
  return all.flatMap((a) => a.value.flatMap((v) => (v.address ? [v.address] : [])));
}

/** The recipients a reply address may be among: the envelope's, else the headers a relay or client writes. */
function recipientsOf(mail: ParsedMail, envelope: Envelope): string[] {
  if (envelope.recipients.length > 0) return envelope.recipients;
  const extra = ['delivered-to', 'x-original-to', 'envelope-to'].flatMap((h) => {
    const v = mail.headers.get(h);
    return typeof v === 'string' ? [v.replace(/^<|>$/g, '')] : [];
  });
  return [...addresses(mail.to), ...addresses(mail.cc), ...extra];
}

const isAddressObject = (v: unknown): v is AddressObject =>
  typeof v === 'object' && v !== null && 'value' in v && Array.isArray(v.value);

/** `<>` in Return-Path is the null sender of bounces and many auto-replies. */
function returnPathOf(mail: ParsedMail, envelope: Envelope): string | null {
  if (envelope.returnPath !== null) return envelope.returnPath;
  const v = mail.headers.get('return-path');
  return isAddressObject(v) ? (v.value[0]?.address ?? '') : null;
}

/**
 * The message as text, never as markup: mailparser converts a lone HTML body itself, but not
 * one beside attachments. Scripts and styles are dropped; quoted blocks become "> " lines; images
 * are left out, as the inline ones come with the email as its files.
 */
function plainText(mail: ParsedMail): string {
  if (mail.text) return mail.text;
  if (typeof mail.html !== 'string') return '';
  return htmlToText(mail.html, {
    wordwrap: false,
    limits: { maxDepth: 100 },
    selectors: [{ selector: 'img', format: 'skip' }],
  });
}

/** The reply as the ticket keeps it: the new part, and a line for each file that is not with it. */
function replyText(mail: ParsedMail, fileLines: readonly string[]): string {
  const text = [newPartOf(plainText(mail)), ...fileLines].filter(Boolean).join('\n\n');
  return text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;
}

/**
 * Takes one inbound email to a reply address into its ticket. Only a live reply address is
 * taken; the contact's own reply reopens the ticket and tells its agents, another sender's is
 * held for an agent, and robots (auto-replies, bounces) are recorded and nothing more.
 */
export async function receiveEmail(d: InboundDeps, raw: Buffer, envelope: Envelope): Promise<InboundAnswer> {
  // Loaded with the first email: a process that never receives one does not pay for the parser.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const from = addresses(mail.from)[0]?.toLowerCase();
  if (!from || mail.headers.size === 0)
    throw new CascadeError('invalid_payload', 'not an email: it has no From address');

  const robot = automaticKind({
    headers: mail.headers,
    subject: mail.subject ?? '',
    fromAddress: from,
    returnPath: returnPathOf(mail, envelope),
  });
  let ticket: Ticket | null = null;
  let known = false;
  for (const address of recipientsOf(mail, envelope)) {
    const target = await d.replies.resolve(address);
    known ||= target !== null;
    // A robot's answer to a transcript must not reopen the chat as a ticket.
    ticket = target ? await ticketForReply(d, address, target, robot === null) : null;
    if (ticket) break;
  }
  if (!ticket && known && robot) return { outcome: 'auto', ticketId: null };
  if (!ticket) throw new CascadeError('not_found', 'no ticket has this reply address');

  await d.rates.check(
    `inbound:ticket:${ticket.id}`,
    d.config.RATE_INBOUND_PER_TICKET_PER_HOUR,
    HOUR,
    'this ticket has had as many emails as it may this hour; try again later',
  );
  await d.rates.check(
    `inbound:from:${digest(from)}`,
    d.config.RATE_INBOUND_PER_SENDER_PER_HOUR,
    HOUR,
    'this sender has sent as many emails as it may this hour; try again later',
  );
  const messageId = mail.messageId ?? `<${digest(raw.toString('latin1'))}@inbound>`;
  const seen = d.keys.inboundSeen(ticket.siteId, digest(messageId));
  if (!(await d.redis.set(seen, '1', { condition: 'NX', expiration: { type: 'EX', value: SEEN_SECONDS } }))) {
    return { outcome: 'duplicate', ticketId: ticket.id };
  }

  try {
    return await takeIn(d, ticket, mail, from, messageId, robot !== null);
  } catch (e) {
    // Not taken in: the sender's retry must not be mistaken for a copy.
    await d.redis.del(seen);
    throw e;
  }
}

async function takeIn(
  d: InboundDeps,
  ticket: Ticket,
  mail: ParsedMail,
  from: string,
  messageId: string,
  robot: boolean,
): Promise<InboundAnswer> {
  const subject = mail.subject ?? '';
  const now = Date.now();
  const item = (action: TicketHistoryItem['action'], by: string, detail: string): TicketHistoryItem => ({
    ts: now,
    action,
    by: by.slice(0, 100),
    detail,
  });
  const ticketId = ticket.id;

  if (robot) {
    await d.tickets.update(ticket.siteId, ticketId, {}, item('auto', from, subject.slice(0, TEXT_MAX)));
    return { outcome: 'auto', ticketId };
  }

  const notice = { siteId: ticket.siteId, ticketId, number: ticket.number, from };
  const contact = from === ticket.visitor.email?.toLowerCase();
  // Another sender's files are kept through the same checks, for agents' eyes until one accepts the email.
  const files = await takeMailFiles(d, ticket, digest(messageId), mail.attachments, !contact);
  if (contact) {
    await d.tickets.update(ticket.siteId, ticketId, ticket.status === 'open' ? {} : { status: 'open' }, {
      ...item('email', ticket.visitor.name ?? from, replyText(mail, files.refused)),
      ...(files.attachments.length > 0 ? { attachments: files.attachments } : {}),
    });
    await d.replies.addToThread(ticket.siteId, ticketId, messageId);
    tell(d, ticket, { ...notice, held: false });
    return { outcome: 'accepted', ticketId };
  }

  const text = replyText(mail, files.refused);
  const held = await d.held.hold({
    siteId: ticket.siteId,
    ticketId,
    from,
    subject: subject.slice(0, 500),
    text,
    receivedAt: now,
    attachments: files.attachments,
  });
  await d.tickets.update(ticket.siteId, ticketId, {}, { ...item('held', from, text), heldId: held.id });
  tell(d, ticket, { ...notice, held: true });
  return { outcome: 'held', ticketId };
}

/** The ticket's agent hears of it; an unassigned ticket's site agents do. */
function tell(d: InboundDeps, ticket: Ticket, notice: TicketEmailNotice): void {
  if (ticket.assigneeId) d.notify.toAgent(ticket.assigneeId, 'ticket:email', notice);
  else d.notify.toSiteAgents(ticket.siteId, 'ticket:email', notice);
}
