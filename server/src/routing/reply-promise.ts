import type { Conversation, Site, TicketReason } from '@cascade/shared';
import { addBusinessSeconds } from './sla.ts';

/** The reasons a ticket is made because nobody could answer: the ones the site's reply promise covers. */
const promised: ReadonlySet<TicketReason> = new Set(['no_agent', 'max_wait', 'outside_hours']);

export const coversReason = (reason: TicketReason): boolean => promised.has(reason);

/**
 * When the site promised to reply to a visitor nobody can answer now: its target in business
 * hours, counted like the first-response clock from when the chat joined its line (else from
 * its start). Null without the setting, or when the site never opens again.
 */
export function replyDueAt(
  site: Pick<Site, 'businessHours' | 'replyPromise'>,
  c: Pick<Conversation, 'queuedAt' | 'createdAt'>,
): number | null {
  if (!site.replyPromise) return null;
  return addBusinessSeconds(site.businessHours, c.queuedAt ?? c.createdAt, site.replyPromise.businessHours * 3600);
}
