import { CascadeError, MAX_ATTACHMENTS_PER_MESSAGE, type Attachment, type Ticket } from '@cascade/shared';
import type { Attachment as MailPart } from 'mailparser';
import { messageKey } from '../files/attach.ts';
import type { Files } from '../files/service.ts';
import type { SiteStore } from '../store/sites.ts';

export type MailFilesDeps = { sites: SiteStore; files: Pick<Files, 'uploads' | 'records'> };

/** What became of an email's files: those kept, and a line for each one that was not. */
export type MailFiles = { attachments: Attachment[]; refused: string[] };

/** Refusals of one file: the email is taken in without it. Anything else (a scan that is down) refuses the email. */
const FILE_REFUSALS = new Set(['file_too_large', 'file_type_not_allowed', 'file_rejected']);

const refusal = (name: string, why: string) => `📎 ${name}: not accepted (${why})`;

/**
 * The files of a contact's email, each checked and stored as an upload into the ticket's
 * conversation would be (type from the bytes, the site's types and size, images drawn again,
 * the scan), then given to the email. Inline images count: they are files the sender sent.
 * `mailKey` names the email, so a retry of the same email finds the files it stored before.
 * A held email's files are `internal`: agents see them, the visitor only once one accepts it.
 */
export async function takeMailFiles(
  d: MailFilesDeps,
  ticket: Ticket,
  mailKey: string,
  parts: readonly MailPart[],
  internal = false,
): Promise<MailFiles> {
  const site = await d.sites.get(ticket.siteId);
  if (!site) throw new CascadeError('not_found', 'the ticket’s site is gone');
  const who = `email:${mailKey}`;
  const uploader = { site, conversationId: ticket.conversationId, visitorId: ticket.visitor.id, who };
  const kept: Attachment[] = [];
  const refused: string[] = [];
  for (const [i, part] of parts.entries()) {
    const name = part.filename ?? 'file';
    if (kept.length >= MAX_ATTACHMENTS_PER_MESSAGE) {
      refused.push(refusal(name, `an email keeps at most ${MAX_ATTACHMENTS_PER_MESSAGE} files`));
      continue;
    }
    try {
      kept.push(await d.files.uploads.accept(uploader, String(i), name, part.content));
    } catch (e) {
      if (!(e instanceof CascadeError) || !FILE_REFUSALS.has(e.code)) throw e;
      refused.push(refusal(name, e.message));
    }
  }
  if (kept.length === 0) return { attachments: [], refused };
  const claimant = {
    siteIds: [site.id],
    conversationId: ticket.conversationId,
    visitorId: ticket.visitor.id,
    internal,
  };
  const attachments = await d.files.records.claim(
    kept.map((f) => f.id),
    claimant,
    messageKey(ticket.conversationId, who),
  );
  if (!attachments) throw new Error('the email’s files could not be given to it');
  return { attachments, refused };
}
