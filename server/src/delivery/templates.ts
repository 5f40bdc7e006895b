import type { Locale, Message, Ticket } from '@cascade/shared';
import { escapeHtml, htmlDocument, htmlText } from './mail-html.ts';
import { hasMailText, mailText } from './mail-strings.ts';
import { toVisitorMessage } from '../waterfall/visitor-projection.ts';

export type MailContent = { subject: string; text: string; html: string };
/** Where the mail comes from: the site's name, and the time zone its times are shown in. */
export type MailSite = { name: string; timeZone: string };

type Audience = 'visitor' | 'support';
type FileLine = { name: string; url: string };
type Line = { who: string; when: string; text: string; note: boolean; system: boolean; files: FileLine[] };

function formatTime(ts: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(ts);
}

/** A system message in the reader's language; null when the visitor need not see it. */
function systemText(m: Message, locale: Locale, audience: Audience): string | null {
  if (audience === 'visitor') {
    // The visitor reads only what the projection lets through: a transfer, say, without its level or note.
    const v = toVisitorMessage(m);
    if (!v?.event) return null;
    const key = v.event === 'transferred' ? 'event.passed' : `event.${v.event}`;
    if (!hasMailText(key)) return null;
    return mailText(locale, key, {
      name: v.data?.agentName ?? mailText(locale, 'agent'),
      n: String(v.data?.ticketNumber ?? ''),
    });
  }
  const key = `event.${m.event ?? ''}`;
  if (!hasMailText(key)) return m.text;
  const d = m.data ?? {};
  return mailText(locale, key, {
    name: String(d.agentName ?? mailText(locale, 'agent')),
    level: String(d.level ?? ''),
    n: String(d.ticketNumber ?? ''),
  });
}

/** The conversation as the reader may see it: the visitor sees only what visitor-projection.ts lets through. */
function transcriptLines(
  messages: Message[],
  locale: Locale,
  audience: Audience,
  site: MailSite,
  visitorName: string | null,
): Line[] {
  const lines: Line[] = [];
  for (const m of messages) {
    if (audience === 'visitor' && !toVisitorMessage(m)) continue;
    const when = formatTime(m.ts, locale, site.timeZone);
    if (m.author === 'system') {
      const text = systemText(m, locale, audience);
      if (text) lines.push({ who: '', when, text, note: false, system: true, files: [] });
      continue;
    }
    const who =
      m.author === 'visitor'
        ? audience === 'visitor'
          ? mailText(locale, 'you')
          : (visitorName ?? mailText(locale, 'visitor'))
        : m.author === 'bot'
          ? mailText(locale, 'bot')
          : (m.authorName ?? mailText(locale, 'agent'));
    const files = (m.attachments ?? []).map((a) => ({ name: a.name, url: a.url }));
    lines.push({ who, when, text: m.text, note: m.internal, system: false, files });
  }
  return lines;
}

const filesText = (files: readonly FileLine[], locale: Locale, indent: string) =>
  files.map((f) => `\n${indent}${mailText(locale, 'file')}: ${f.name} <${f.url}>`).join('');

const filesHtml = (files: readonly FileLine[]) =>
  files
    .map(
      (f) => `<div dir="auto"><a href="${escapeHtml(f.url)}" rel="noopener noreferrer">${escapeHtml(f.name)}</a></div>`,
    )
    .join('');

function transcriptText(lines: Line[], locale: Locale): string {
  return lines
    .map((l) =>
      l.system
        ? `[${l.when}] -- ${l.text} --`
        : `[${l.when}] ${l.who}${l.note ? ` (${mailText(locale, 'internalNote')})` : ''}: ${l.text}` +
          filesText(l.files, locale, '    '),
    )
    .join('\n');
}

function transcriptHtml(lines: Line[], locale: Locale): string {
  return lines
    .map((l) => {
      const meta = l.system ? escapeHtml(l.when) : `<strong>${escapeHtml(l.who)}</strong> · ${escapeHtml(l.when)}`;
      const note = l.note ? ` · <em>${escapeHtml(mailText(locale, 'internalNote'))}</em>` : '';
      const style = l.note ? 'background:#fff8e1;padding:4px 8px;' : l.system ? 'color:#52606d;font-style:italic;' : '';
      return (
        `<div style="margin:0 0 12px;${style}">` +
        `<div style="font-size:13px;color:#52606d">${meta}${note}</div>` +
        `<div dir="auto">${htmlText(l.text)}</div>` +
        filesHtml(l.files) +
        '</div>'
      );
    })
    .join('\n');
}

function mail(
  locale: Locale,
  site: MailSite,
  subject: string,
  intro: string,
  body: { text: string; html: string },
): MailContent {
  const footer = mailText(locale, 'footer', { site: site.name });
  return {
    subject,
    text: `${intro}\n\n${body.text}\n\n-- \n${footer}\n`,
    html: htmlDocument(
      locale,
      subject,
      `<p>${htmlText(intro)}</p>\n${body.html}\n<p style="font-size:12px;color:#7b8794">${escapeHtml(footer)}</p>`,
    ),
  };
}

function conversationSection(lines: Line[], locale: Locale): { text: string; html: string } {
  const heading = mailText(locale, 'conversation');
  return {
    text: `${heading}\n\n${transcriptText(lines, locale)}`,
    html: `<h2 style="font-size:16px">${escapeHtml(heading)}</h2>\n${transcriptHtml(lines, locale)}`,
  };
}

/** The new ticket for the support team: the facts, the pages seen and the whole conversation, notes included. */
export function supportTicketMail(ticket: Ticket, site: MailSite, locale: Locale, consoleUrl: string): MailContent {
  const none = mailText(locale, 'none');
  const reason = mailText(locale, `reason.${ticket.reason}`);
  const facts: [string, string][] = [
    [mailText(locale, 'support.reason'), reason],
    [mailText(locale, 'support.skill'), ticket.skill],
    [mailText(locale, 'support.level'), String(ticket.level)],
    [mailText(locale, 'support.visitor'), ticket.visitor.name ?? mailText(locale, 'noName')],
    [mailText(locale, 'support.email'), ticket.visitor.email ?? none],
    [mailText(locale, 'support.note'), ticket.note ?? none],
  ];
  const pages = ticket.pages.map((p) => `${p.title || p.url} <${p.url}>`);
  const pagesLabel = mailText(locale, 'support.pages');
  const consoleLabel = mailText(locale, 'support.console');
  const conversation = conversationSection(
    transcriptLines(ticket.transcript, locale, 'support', site, ticket.visitor.name),
    locale,
  );
  const text = [
    ...facts.map(([k, v]) => `${k}: ${v}`),
    `${pagesLabel}:${pages.length > 0 ? `\n${pages.map((p) => `  ${p}`).join('\n')}` : ` ${none}`}`,
    `${consoleLabel}: ${consoleUrl}`,
    '',
    conversation.text,
  ].join('\n');
  const html = [
    `<table style="border-collapse:collapse">${facts
      .map(
        ([k, v]) =>
          `<tr><th style="text-align:start;padding:2px 12px 2px 0">${escapeHtml(k)}</th>` +
          `<td dir="auto">${htmlText(v)}</td></tr>`,
      )
      .join('')}</table>`,
    `<p><strong>${escapeHtml(pagesLabel)}</strong></p>`,
    pages.length > 0
      ? `<ul>${pages.map((p) => `<li dir="auto">${escapeHtml(p)}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(none)}</p>`,
    `<p>${escapeHtml(consoleLabel)}: ${escapeHtml(consoleUrl)}</p>`,
    conversation.html,
  ].join('\n');
  const n = ticket.number;
  return mail(
    locale,
    site,
    mailText(locale, 'support.subject', { site: site.name, n, reason }),
    mailText(locale, 'support.intro', { n }),
    { text, html },
  );
}

/** The visitor's ticket number, with what they said so far, in their language. */
export function visitorTicketMail(ticket: Ticket, site: MailSite): MailContent {
  const locale = ticket.visitor.locale;
  const n = ticket.number;
  const lines = transcriptLines(ticket.transcript, locale, 'visitor', site, ticket.visitor.name);
  return mail(
    locale,
    site,
    mailText(locale, 'ticket.subject', { site: site.name, n }),
    mailText(locale, 'ticket.intro', { site: site.name, n }),
    conversationSection(lines, locale),
  );
}

/** "Email me the transcript": the conversation without internal notes. */
export function transcriptMail(messages: Message[], site: MailSite, locale: Locale): MailContent {
  const lines = transcriptLines(messages, locale, 'visitor', site, null);
  return mail(
    locale,
    site,
    mailText(locale, 'transcript.subject', { site: site.name }),
    mailText(locale, 'transcript.intro', { site: site.name }),
    conversationSection(lines, locale),
  );
}

/** An agent's answer to a ticket, to the visitor. */
export function replyMail(
  ticket: Ticket,
  site: MailSite,
  text: string,
  agentName: string,
  files: readonly FileLine[] = [],
): MailContent {
  const locale = ticket.visitor.locale;
  const n = ticket.number;
  return mail(
    locale,
    site,
    mailText(locale, 'reply.subject', { site: site.name, n }),
    mailText(locale, 'reply.intro', { agent: agentName, n }),
    {
      text: text + filesText(files, locale, ''),
      html:
        `<div dir="auto" style="padding:8px 12px;border-inline-start:3px solid #9aa5b1">${htmlText(text)}</div>` +
        filesHtml(files),
    },
  );
}
