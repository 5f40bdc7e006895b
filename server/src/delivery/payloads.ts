import type { CsatData, WebhookPayload } from '@cascade/shared';
import type { DomainEvent } from '../events.ts';

/** One id per event and subject, so an event emitted twice is still delivered once. */
export function webhookDeliveryId(e: DomainEvent): string {
  return e.type === 'ticket.created' ? `wh.${e.type}.${e.ticket.id}` : `wh.${e.type}.${e.conversation.id}`;
}

/** The webhook body for a domain event; null for an event sites are not sent (or a rating without one). */
export function webhookPayload(e: DomainEvent, createdAt: number, agent: CsatData['agent']): WebhookPayload | null {
  const base = { id: webhookDeliveryId(e), createdAt, siteId: e.conversation.siteId };
  switch (e.type) {
    case 'conversation.started':
    case 'conversation.escalated':
    case 'conversation.resolved':
      return { ...base, type: e.type, data: { conversation: e.conversation } };
    case 'ticket.created':
      return { ...base, type: e.type, data: { ticket: e.ticket, conversation: e.conversation } };
    case 'conversation.ended':
      // Sites hear of the end through `conversation.resolved` and `ticket.created`.
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
