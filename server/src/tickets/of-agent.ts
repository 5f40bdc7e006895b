import { CascadeError, type Agent, type Ticket } from '@cascade/shared';
import type { TicketStore } from '../store/tickets.ts';

/** A ticket of one of the agent's sites; any other is "not found", so ids of other sites reveal nothing. */
export async function ticketOfAgent(tickets: TicketStore, agent: Agent, ticketId: string): Promise<Ticket> {
  for (const m of agent.memberships) {
    const ticket = await tickets.get(m.siteId, ticketId);
    if (ticket) return ticket;
  }
  throw new CascadeError('not_found', 'no such ticket');
}
