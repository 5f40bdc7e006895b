import type {
  Delivery,
  HeldEmail,
  HeldEmailDecision,
  Ticket,
  TicketReply,
  TicketSummary,
  TicketUpdate,
} from '@cascade/shared';
import { ticketQuery, type TicketFilter } from '../logic/ticket-query.ts';
import { requestJson } from './http.ts';

export interface TicketPage {
  tickets: TicketSummary[];
  total: number;
}

export function listTickets(filter: TicketFilter, myId: string): Promise<TicketPage> {
  return requestJson<TicketPage>('GET', `/api/tickets?${ticketQuery(filter, myId)}`);
}

export async function getTicket(ticketId: string): Promise<Ticket> {
  const { ticket } = await requestJson<{ ticket: Ticket }>('GET', `/api/tickets/${encodeURIComponent(ticketId)}`);
  return ticket;
}

export async function updateTicket(ticketId: string, update: TicketUpdate, csrf: string): Promise<Ticket> {
  const { ticket } = await requestJson<{ ticket: Ticket }>('PATCH', `/api/tickets/${encodeURIComponent(ticketId)}`, {
    body: update,
    csrf,
  });
  return ticket;
}

/** Emails the visitor; the answer's delivery is queued, so "sent" means accepted for sending. */
export function replyByEmail(
  ticketId: string,
  reply: TicketReply,
  csrf: string,
): Promise<{ ticket: Ticket; delivery: Delivery }> {
  return requestJson('POST', `/api/tickets/${encodeURIComponent(ticketId)}/replies`, { body: reply, csrf });
}

/** How each emailed reply of the ticket went (sending, sent, failed with its reason). */
export async function ticketDeliveries(ticketId: string): Promise<Delivery[]> {
  const { deliveries } = await requestJson<{ deliveries: Delivery[] }>(
    'GET',
    `/api/tickets/${encodeURIComponent(ticketId)}/deliveries`,
  );
  return deliveries;
}

/** Emails held on the ticket because an address other than its contact's sent them. */
export async function heldEmails(ticketId: string): Promise<HeldEmail[]> {
  const { held } = await requestJson<{ held: HeldEmail[] }>('GET', `/api/tickets/${encodeURIComponent(ticketId)}/held`);
  return held;
}

/** Accepts a held email into the ticket (which reopens it) or discards it. */
export async function decideHeld(
  ticketId: string,
  heldId: string,
  decision: HeldEmailDecision['decision'],
  csrf: string,
): Promise<HeldEmail> {
  const { held } = await requestJson<{ held: HeldEmail }>(
    'POST',
    `/api/tickets/${encodeURIComponent(ticketId)}/held/${encodeURIComponent(heldId)}`,
    { body: { decision }, csrf },
  );
  return held;
}
