import { randomUUID } from 'node:crypto';
import type { Conversation, Message, Ticket, TicketReason } from '@cascade/shared';
import type { VisitorStore } from '../store/visitors.ts';
import type { MessageStore } from '../store/messages.ts';
import type { AgentStore } from '../store/agents.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { SiteStore } from '../store/sites.ts';
import { coversReason, replyDueAt } from '../routing/reply-promise.ts';

export type TicketDeps = {
  visitors: VisitorStore;
  messages: MessageStore;
  agents: AgentStore;
  tickets: TicketStore;
  sites: Pick<SiteStore, 'get'>;
};

/**
 * Makes the conversation's one ticket, carrying the whole transcript and the page journey. The
 * transcript is read from Redis unless given (an archived chat's, from PostgreSQL).
 */
export async function createTicket(
  d: TicketDeps,
  c: Conversation,
  reason: TicketReason,
  by: string,
  note: string | null,
  story?: Message[],
): Promise<{ ticket: Ticket; isNew: boolean }> {
  const [visitor, transcript, pages, actor, site] = await Promise.all([
    d.visitors.get(c.siteId, c.visitorId),
    story ?? d.messages.after(c.id, null, 10_000),
    d.visitors.pages(c.siteId, c.visitorId),
    d.agents.get(by),
    coversReason(reason) ? d.sites.get(c.siteId) : null,
  ]);
  const now = Date.now();
  // The same due time the email form showed the visitor (waterfall/views.ts).
  const replyBy = site ? replyDueAt(site, c) : null;
  return d.tickets.createOnce({
    id: randomUUID().replace(/-/g, ''),
    siteId: c.siteId,
    conversationId: c.id,
    status: 'open',
    reason,
    skill: c.skill,
    level: c.level,
    assigneeId: c.agentId,
    note,
    ...(c.subject ? { subject: c.subject } : {}),
    visitor: {
      id: c.visitorId,
      name: visitor?.name ?? null,
      email: visitor?.email ?? null,
      locale: visitor?.locale ?? c.locale,
    },
    transcript,
    pages,
    history: [{ ts: now, action: 'created', by: actor?.name ?? by, detail: reason }],
    ...(replyBy !== null ? { replyBy } : {}),
    createdAt: now,
    updatedAt: now,
  });
}
