import { UnrecoverableError } from 'bullmq';
import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { SiteStore } from '../store/sites.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { MessageStore } from '../store/messages.ts';
import type { MailJob } from './jobs.ts';
import type { Message } from '@cascade/shared';
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
  sites: SiteStore;
  tickets: TicketStore;
  messages: MessageStore;
  /** The message with file links that last as long as an email may wait to be read. */
  mailLinks: (m: Message) => Message;
};

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

  async function compose(job: MailJob): Promise<MailContent & { replyTo?: string }> {
    const site = await d.sites.get(job.siteId);
    if (!site) throw new UnrecoverableError('the site no longer exists');
    const from: MailSite = { name: site.name, timeZone: timeZoneOf(site.businessHours?.timeZone) };
    const m = job.mail;
    if (m.subject === 'transcript')
      return transcriptMail((await d.messages.after(m.conversationId, null, 10_000)).map(d.mailLinks), from, m.locale);
    const stored = await d.tickets.get(job.siteId, m.ticketId);
    if (!stored) throw new UnrecoverableError('the ticket no longer exists');
    const ticket = { ...stored, transcript: stored.transcript.map(d.mailLinks) };
    switch (m.subject) {
      case 'ticket.email':
        return {
          ...supportTicketMail(ticket, from, site.defaultLocale, `${d.config.publicUrl}/console/`),
          ...(ticket.visitor.email ? { replyTo: ticket.visitor.email } : {}),
        };
      case 'ticket.visitor_email':
        return visitorTicketMail(ticket, from);
      case 'ticket.reply':
        return replyMail(ticket, from, m.text, m.by);
    }
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
    await transport.sendMail({
      from: d.config.MAIL_FROM,
      to: job.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      // The same id on every try, so a mail client can drop a copy sent twice.
      messageId: `<${job.deliveryId}@${new URL(d.config.publicUrl).hostname}>`,
      headers: { 'X-Cascade-Delivery': job.deliveryId },
    });
  };
}
