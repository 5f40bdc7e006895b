import type { Conversation, Message, SlaKind, Ticket } from '@cascade/shared';

/** What happened, for whoever outside the waterfall cares (webhooks, emails, numbers). */
export type DomainEvent =
  | { type: 'conversation.started'; conversation: Conversation }
  | { type: 'conversation.escalated'; conversation: Conversation }
  | { type: 'conversation.resolved'; conversation: Conversation }
  /** Resolved, ticketed or abandoned: nothing more happens in it but a rating. */
  | { type: 'conversation.ended'; conversation: Conversation }
  | { type: 'ticket.created'; ticket: Ticket; conversation: Conversation }
  | { type: 'csat.submitted'; conversation: Conversation }
  /** The visitor answered the site's NPS question after the chat (never a webhook: not in its event list). */
  | { type: 'nps.submitted'; conversation: Conversation }
  /** Stored for the first time (a re-sent message is not new). */
  | { type: 'message.created'; message: Message; conversation: Conversation }
  /** `waitedSince`: when the wait that the claim ended began (null when a repair finishes the claim). */
  | { type: 'conversation.assigned'; conversation: Conversation; waitedSince: number | null }
  /** `fromAgentId` is unknown (null) when a repair finishes the transfer. */
  | { type: 'conversation.transferred'; conversation: Conversation; fromAgentId: string | null; note: string | null }
  /** A clock of the site's SLA policy ran out; raised once per clock (`dueAt` tells a later one apart). */
  | { type: 'sla.breached'; conversation: Conversation; kind: SlaKind; dueAt: number };

export type DomainEventListener = (e: DomainEvent) => Promise<void>;

/**
 * In-process fan-out of domain events. Listeners turn them into durable BullMQ jobs at
 * once, so the chat never waits on a webhook or an SMTP server.
 */
export function domainEvents(onError: (e: unknown, event: DomainEvent) => void) {
  const listeners: DomainEventListener[] = [];
  return {
    on(listener: DomainEventListener): void {
      listeners.push(listener);
    },
    async emit(event: DomainEvent): Promise<void> {
      await Promise.all(listeners.map((l) => l(event).catch((e: unknown) => onError(e, event))));
    },
  };
}
export type DomainEvents = ReturnType<typeof domainEvents>;
