import type { TicketSummary } from '@cascade/shared';

/**
 * A ticket whose promised reply time has passed while it is still open: pending means the team
 * answered and waits on the visitor, solved that it is done, so neither breaks the promise.
 */
export const isOverdue = (ticket: Pick<TicketSummary, 'status' | 'replyBy'>, now: number): boolean =>
  ticket.status === 'open' && ticket.replyBy !== undefined && ticket.replyBy <= now;
