import type { Conversation, Message, Ticket } from '@cascade/shared';
import type { HistoryReader } from '../history/reader.ts';
import type { ConversationStore } from '../store/conversations.ts';
import { createTicket, type TicketDeps } from '../tickets/create.ts';
import type { ReplyAddresses, ReplyTarget } from './reply-address.ts';

export type ReplyTicketDeps = TicketDeps & {
  conversations: ConversationStore;
  replies: ReplyAddresses;
  history: Pick<HistoryReader, 'story'>;
};

/** A finished chat as a ticket is made of: from Redis while it is hot, else from PostgreSQL. */
type Story = { conversation: Conversation; hot: boolean; messages?: Message[] };

async function storyOf(d: ReplyTicketDeps, conversationId: string): Promise<Story | null> {
  const hot = await d.conversations.get(conversationId);
  if (hot) return { conversation: hot, hot: true };
  // The transcript's address outlives the hot copy: it lasts as long as history keeps the text.
  const archived = await d.history.story(conversationId);
  return archived ? { conversation: archived.conversation, hot: false, messages: archived.messages } : null;
}

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
  const story = existing || !reopen ? null : await storyOf(d, to.conversationId);
  if (!existing && !story) return null;
  const ticket = existing ?? (story ? await reopened(d, story) : null);
  if (!ticket) return null;
  if (story?.hot)
    await d.conversations.update(story.conversation.id, { ticketId: ticket.id, ticketNumber: ticket.number });
  await d.replies.retarget(address, { siteId: ticket.siteId, ticketId: ticket.id });
  return ticket;
}

/** The chat's ticket, made now; its contact is the address the transcript went to when the visitor record has none. */
async function reopened(d: ReplyTicketDeps, { conversation: c, messages }: Story): Promise<Ticket> {
  const { ticket } = await createTicket(d, c, 'email', 'visitor', null, messages);
  if (ticket.visitor.email || !c.visitorEmail) return ticket;
  const contact = { ...ticket.visitor, email: c.visitorEmail };
  const item = { ts: Date.now(), action: 'contact' as const, by: 'visitor', detail: c.visitorEmail };
  return (await d.tickets.update(ticket.siteId, ticket.id, { visitor: contact }, item)) ?? ticket;
}
