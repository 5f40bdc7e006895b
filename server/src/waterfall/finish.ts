import type { Conversation } from '@cascade/shared';
import type { Timers } from '../routing/timers.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { AgentStore } from '../store/agents.ts';
import type { SiteStore } from '../store/sites.ts';
import type { DomainEvents } from '../events.ts';
import { isWaiting } from './rules.ts';
import type { Journal, TransitionRecord } from './journal.ts';
import type { Poster } from './post.ts';
import type { OpenTicket } from './apply.ts';
import { recordTransition, systemMessage, transitionKey } from './timeline.ts';
import { transitionEvents } from './transition-events.ts';

export type FinishDeps = {
  conversations: Pick<ConversationStore, 'update' | 'finished'>;
  agents: Pick<AgentStore, 'card'>;
  sites: Pick<SiteStore, 'get'>;
  events: Pick<DomainEvents, 'emit'>;
  journal: Pick<Journal, 'recordEvent'>;
  clocks: Pick<Timers, 'waiting'>;
  openTicket: OpenTicket;
  post: Poster['post'];
};

/**
 * Finishes a transition whose process died after writing its state: its ticket, its system
 * message, its event and its timers, each at most once (they are keyed by the version). The
 * routing is put right by the repair from the state itself (repair.ts).
 */
export function finisher(d: FinishDeps) {
  return async function finishRecorded(c: Conversation, version: number, record: TransitionRecord): Promise<void> {
    let current = c;
    if (record.ticket && current.ticketId === null) {
      const { ticket, isNew } = await d.openTicket(current, record.ticket.reason, record.by, record.ticket.note);
      await d.conversations.update(c.id, { ticketId: ticket.id, ticketNumber: ticket.number });
      current = { ...current, ticketId: ticket.id, ticketNumber: ticket.number };
      if (isNew) await d.events.emit({ type: 'ticket.created', ticket, conversation: current });
    }
    const data = { ...record.data };
    if (record.event === 'claimed' && current.agentId)
      data.agentName = (await d.agents.card(current.agentId))?.name ?? null;
    if (record.ticket && current.ticketNumber !== null) data.ticketNumber = current.ticketNumber;
    await d.post(systemMessage(current, record.event, data), current, transitionKey(version));
    await recordTransition(d.journal, { ...current, version }, record, record.ts, record.by);
    const site = isWaiting(current) ? await d.sites.get(c.siteId) : null;
    if (site) await d.clocks.waiting(site, current);
    const raised = transitionEvents(record, current, { ticket: null, waitedSince: null, fromAgentId: null });
    for (const event of raised.during) await d.events.emit(event);
    if (raised.ended) await d.events.emit(raised.ended);
    await d.conversations.finished(c.id, version);
  };
}
