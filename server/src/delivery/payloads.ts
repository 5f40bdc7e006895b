import type { CsatData, WebhookPayload } from '@cascade/shared';
import type { DomainEvent } from '../events.ts';

/** One id per event and subject, so an event emitted twice is still delivered once. */
export function webhookDeliveryId(e: DomainEvent): string {
  switch (e.type) {
    case 'ticket.created':
      return `wh.${e.type}.${e.ticket.id}`;
    case 'message.created':
      return `wh.${e.type}.${e.conversation.id}.${e.message.id}`;
    // A chat can be assigned and passed on more than once: each transition has its version.
    case 'conversation.assigned':
    case 'conversation.transferred':
      return `wh.${e.type}.${e.conversation.id}.${e.conversation.version}`;
    case 'sla.breached':
      return `wh.${e.type}.${e.conversation.id}.${e.kind}.${e.dueAt}`;
    default:
      return `wh.${e.type}.${e.conversation.id}`;
  }
}

/**
 * The webhook body for a domain event; null for an event sites are not sent (or a rating without one).
 * `agent` is the agent the event is about: who had the rated chat, who got it, who passed it on.
 */
export function webhookPayload(e: DomainEvent, createdAt: number, agent: CsatData['agent']): WebhookPayload | null {
  const base = { id: webhookDeliveryId(e), createdAt, siteId: e.conversation.siteId };
  switch (e.type) {
    case 'conversation.started':
    case 'conversation.escalated':
    case 'conversation.resolved':
      return { ...base, type: e.type, data: { conversation: e.conversation } };
    case 'ticket.created':
      return { ...base, type: e.type, data: { ticket: e.ticket, conversation: e.conversation } };
    case 'message.created':
      // System lines repeat the conversation.* events in words.
      if (e.message.author === 'system') return null;
      return { ...base, type: e.type, data: { message: e.message, conversation: e.conversation } };
    case 'conversation.assigned':
      return { ...base, type: e.type, data: { conversation: e.conversation, agent } };
    case 'conversation.transferred':
      return { ...base, type: e.type, data: { conversation: e.conversation, from: agent, note: e.note } };
    case 'sla.breached':
      return { ...base, type: e.type, data: { conversation: e.conversation, kind: e.kind, dueAt: e.dueAt, agent } };
    case 'conversation.ended':
      // Sites hear of the end through `conversation.resolved` and `ticket.created`.
      return null;
    case 'nps.submitted':
      // Not among the webhook events a site can subscribe to: kept for the dashboard and the history.
      return null;
    case 'csat.submitted': {
      const c = e.conversation;
      if (!c.csat) return null;
      return {
        ...base,
        type: e.type,
        data: {
          conversationId: c.id,
          ticketId: c.ticketId,
          score: c.csat.score,
          comment: c.csat.comment,
          agent,
          skill: c.skill,
          level: c.level,
          ratedAt: c.csat.ts,
        },
      };
    }
  }
}
