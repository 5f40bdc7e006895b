import { CascadeError, TicketDeliveries, TicketParams, type Delivery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import type { TicketStore } from '../store/tickets.ts';
import type { Outbox } from './outbox.ts';

export type TicketDeliveryRouteDeps = { tickets: TicketStore; outbox: Outbox };

/** How each emailed reply of a ticket went, so a reply never looks sent when it was not. */
export function ticketDeliveryRoutes(
  app: FastifyInstance,
  deps: TicketDeliveryRouteDeps,
  done: (err?: Error) => void,
): void {
  const route = {
    config: {
      role: 'agent',
      openapi: {
        summary: 'The deliveries of a ticket’s emailed replies',
        params: TicketParams,
        response: { 200: TicketDeliveries },
      },
    },
  } as const;
  app.get('/api/tickets/:ticketId/deliveries', route, async (req) => {
    const { ticketId } = parse(TicketParams, req.params);
    for (const m of req.agent.memberships) {
      const ticket = await deps.tickets.get(m.siteId, ticketId);
      if (!ticket) continue;
      const ids = ticket.history.flatMap((item) => (item.deliveryId ? [item.deliveryId] : []));
      const found = await Promise.all(ids.map((id) => deps.outbox.records.get(ticket.siteId, id)));
      return { deliveries: found.filter((d): d is Delivery => d !== null) };
    }
    throw new CascadeError('not_found', 'no such ticket');
  });
  done();
}
