import { openStates, type Conversation, type Ticket } from '@cascade/shared';
import type { DomainEvent } from '../events.ts';
import type { TransitionRecord } from './journal.ts';

/** What the shell knows about a transition beyond its record; a repair knows less (nulls). */
export type TransitionFacts = {
  /** The ticket this transition created, when it was new. */
  ticket: Ticket | null;
  /** When the wait that a claim ended began. */
  waitedSince: number | null;
  /** The agent a transfer took the chat from. */
  fromAgentId: string | null;
};

/**
 * The domain events a transition raises: `during` together, then `ended` once they are out, so
 * a listener of the end has seen everything before it.
 */
export function transitionEvents(
  record: Pick<TransitionRecord, 'event' | 'to' | 'data'>,
  conversation: Conversation,
  facts: TransitionFacts,
): { during: DomainEvent[]; ended: DomainEvent | null } {
  const during: DomainEvent[] = [];
  if (record.event === 'escalated') during.push({ type: 'conversation.escalated', conversation });
  if (record.to === 'resolved') during.push({ type: 'conversation.resolved', conversation });
  if (facts.ticket) during.push({ type: 'ticket.created', ticket: facts.ticket, conversation });
  if (record.event === 'claimed') {
    during.push({ type: 'conversation.assigned', conversation, waitedSince: facts.waitedSince });
  }
  if (record.event === 'transferred') {
    const note = typeof record.data.note === 'string' ? record.data.note : null;
    during.push({ type: 'conversation.transferred', conversation, fromAgentId: facts.fromAgentId, note });
  }
  const ended = openStates.has(record.to) ? null : ({ type: 'conversation.ended', conversation } as const);
  return { during, ended };
}
