import type { CsatData, Site } from '@cascade/shared';
import type { DomainEvent } from '../events.ts';
import type { Outgoing } from './jobs.ts';
import { webhookPayload } from './payloads.ts';

/**
 * What one domain event sends to the outside, given the site's sinks: a webhook for every
 * event when a URL is set; for a new ticket, an email to the support address and, when the
 * site wants it and the address is known, one to the visitor.
 */
export function planDeliveries(
  e: DomainEvent,
  site: Site,
  facts: { now: number; agent: CsatData['agent'] },
): Outgoing[] {
  const out: Outgoing[] = [];
  const { webhookUrl, supportEmail, emailVisitors } = site.sinks;
  if (webhookUrl) {
    const payload = webhookPayload(e, facts.now, facts.agent);
    if (payload)
      out.push({ kind: 'webhook', target: webhookUrl, job: { deliveryId: payload.id, siteId: site.id, payload } });
  }
  if (e.type === 'ticket.created') {
    const { ticket } = e;
    if (supportEmail) {
      out.push({
        kind: 'email',
        job: {
          deliveryId: `mail.ticket.${ticket.id}`,
          siteId: site.id,
          to: supportEmail,
          mail: { subject: 'ticket.email', ticketId: ticket.id },
        },
      });
    }
    if (emailVisitors && ticket.visitor.email) {
      out.push({
        kind: 'email',
        job: {
          deliveryId: `mail.ticket-visitor.${ticket.id}`,
          siteId: site.id,
          to: ticket.visitor.email,
          mail: { subject: 'ticket.visitor_email', ticketId: ticket.id },
        },
      });
    }
  }
  return out;
}
