import type { Conversation, Ticket } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import { createTicket, type TicketDeps } from '../tickets/create.ts';
import type { ReplyAddresses, ReplyTarget } from './reply-address.ts';

export type ReplyTicketDeps = TicketDeps & { conversations: ConversationStore; replies: ReplyAddresses };

/**
 * The ticket a reply goes to. A reply to a finished chat's transcript reopens the story as that
 * chat's ticket (made now, with the whole transcript, when it has none and `reopen` allows), and
 * the address then leads straight to it. Null when neither is kept any more.
 */
export async function ticketForReply(
  d: ReplyTicketDeps,
  address: string,
  to: ReplyTarget,
  reopen: boolean,
): Promise<Ticket | null> {
  if ('ticketId' in to) return d.tickets.get(to.siteId, to.ticketId);
  const existing = await d.tickets.ofConversation(to.siteId, to.conversationId);
  const c = existing || !reopen ? null : await d.conversations.get(to.conversationId);
  if (!existing && !c) return null;
  const ticket = existing ?? (c ? await reopened(d, c) : null);
  if (!ticket) return null;
  if (c) await d.conversations.update(c.id, { ticketId: ticket.id, ticketNumber: ticket.number });
  await d.replies.retarget(address, { siteId: ticket.siteId, ticketId: ticket.id });
  return ticket;
}

/** The chat's ticket, made now; its contact is the address the transcript went to when the visitor record has none. */
async function reopened(d: ReplyTicketDeps, c: Conversation): Promise<Ticket> {
  const { ticket } = await createTicket(d, c, 'email', 'visitor', null);
  if (ticket.visitor.email || !c.visitorEmail) return ticket;
  const contact = { ...ticket.visitor, email: c.visitorEmail };
  const item = { ts: Date.now(), action: 'contact' as const, by: 'visitor', detail: c.visitorEmail };
  return (await d.tickets.update(ticket.siteId, ticket.id, { visitor: contact }, item)) ?? ticket;
}
