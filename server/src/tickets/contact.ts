import type { Conversation, Visitor } from '@cascade/shared';
import type { VisitorStore } from '../store/visitors.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { TicketStore } from '../store/tickets.ts';

export type TicketContactDeps = { visitors: VisitorStore; conversations: ConversationStore; tickets: TicketStore };

/**
 * A ticket made without an address (an anonymous visitor's follow-up) gets one when the visitor
 * leaves it afterwards in the chat; only then can the team answer by email. An address the
 * ticket has already stays as it is: false, and the step is refused as before.
 */
export async function addTicketContact(
  d: TicketContactDeps,
  c: Conversation,
  visitor: Visitor,
  email: string,
  name: string | undefined,
): Promise<boolean> {
  const ticket = await d.tickets.ofConversation(c.siteId, c.id);
  if (!ticket || ticket.visitor.email) return false;
  const verifiedName = visitor.verified && visitor.name !== null;
  const newName = name && !verifiedName ? name : undefined;
  await d.visitors.update(c.siteId, visitor.id, { email, ...(newName ? { name: newName } : {}) });
  await d.conversations.update(c.id, { visitorEmail: email });
  await d.tickets.update(
    c.siteId,
    ticket.id,
    { visitor: { ...ticket.visitor, email, ...(newName ? { name: newName } : {}) } },
    { ts: Date.now(), action: 'contact', by: 'visitor', detail: email },
  );
  return true;
}
