import { UnrecoverableError } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { SiteStore } from '../store/sites.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { MessageStore } from '../store/messages.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { replyAddresses } from '../inbound/reply-address.ts';
import type { MailJob } from './jobs.ts';
import type { Attachment, AttachmentLink, Message } from '@cascade/shared';
import {
  replyMail,
  supportTicketMail,
  transcriptMail,
  visitorTicketMail,
  type MailContent,
  type MailSite,
} from './templates.ts';

export type MailDeps = {
  config: Config;
  redis: Redis;
  keys: Keys;
  sites: SiteStore;
  tickets: TicketStore;
  messages: MessageStore;
  /** The message with file links that last as long as an email may wait to be read. */
  mailLinks: (m: Message) => Message;
  /** One file's links, as long-lived as `mailLinks`'. */
  mailFile: (a: Attachment) => AttachmentLink;
};

/** An email's headers beyond its content: where replies go, and the thread it belongs to. */
type Envelope = { replyTo?: string; thread?: { siteId: string; ticketId: string; earlier: string[] } };

/** The site's time zone when it names a real one; emails show times in it. */
function timeZoneOf(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/**
 * Writes each email when it is sent (so a retry shows the ticket as it is) and hands it to
 * the SMTP server. Missing data or a server without SMTP is final: retrying cannot help.
 */
export function mailSender(d: MailDeps) {
  let transport: Transporter | undefined;
  const replies = replyAddresses(d.redis, d.keys, d.config.INBOUND_DOMAIN);
  const replyTo = async (target: Parameters<typeof replies.addressFor>[0]) => {
    const address = await replies.addressFor(target);
    return address ? { replyTo: address } : {};
  };

  async function compose(job: MailJob): Promise<MailContent & Envelope> {
    const site = await d.sites.get(job.siteId);
    if (!site) throw new UnrecoverableError('the site no longer exists');
    const from: MailSite = { name: site.name, timeZone: timeZoneOf(site.businessHours?.timeZone) };
    const m = job.mail;
    if (m.subject === 'transcript') {
      // A reply to the transcript reopens the story (inbound/reopen.ts).
      return {
        ...transcriptMail((await d.messages.after(m.conversationId, null, 10_000)).map(d.mailLinks), from, m.locale),
        ...(await replyTo({ siteId: job.siteId, conversationId: m.conversationId })),
      };
    }
    const stored = await d.tickets.get(job.siteId, m.ticketId);
    if (!stored) throw new UnrecoverableError('the ticket no longer exists');
    const ticket = { ...stored, transcript: stored.transcript.map(d.mailLinks) };
    if (m.subject === 'ticket.email') {
      // The team answers the visitor directly from its own mailbox.
      return {
        ...supportTicketMail(ticket, from, site.defaultLocale, `${d.config.publicUrl}/console/`),
        ...(ticket.visitor.email ? { replyTo: ticket.visitor.email } : {}),
      };
    }
    const content =
      m.subject === 'ticket.visitor_email'
        ? visitorTicketMail(ticket, from)
        : replyMail(ticket, from, m.text, m.by, (m.attachments ?? []).map(d.mailFile));
    return {
      ...content,
      ...(await replyTo({ siteId: ticket.siteId, ticketId: ticket.id })),
      thread: { siteId: ticket.siteId, ticketId: ticket.id, earlier: await replies.thread(ticket.siteId, ticket.id) },
    };
  }

  return async function sendMail(job: MailJob): Promise<void> {
    if (!d.config.SMTP_URL)
      throw new UnrecoverableError('SMTP_URL is not set, so this server cannot send email; set it, restart and retry');
    const mail = await compose(job);
    transport ??= createTransport(d.config.SMTP_URL, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    // The same id on every try, so a mail client can drop a copy sent twice.
    const messageId = `<${job.deliveryId}@${new URL(d.config.publicUrl).hostname}>`;
    const earlier = mail.thread?.earlier.filter((id) => id !== messageId) ?? [];
    await transport.sendMail({
      from: d.config.MAIL_FROM,
      to: job.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      messageId,
      // The visitor's mail client keeps the ticket's emails, theirs and ours, in one thread.
      ...(earlier.length > 0 ? { inReplyTo: earlier[earlier.length - 1], references: earlier } : {}),
      headers: { 'X-Cascade-Delivery': job.deliveryId },
    });
    if (mail.thread) await replies.addToThread(mail.thread.siteId, mail.thread.ticketId, messageId);
  };
}
