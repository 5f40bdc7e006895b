import { TicketReason, TicketStatus, type TicketHistoryItem } from '@cascade/shared';
import type { Translator } from './translator.ts';

/**
 * A ticket history line's detail in the agent's language: the server records codes
 * (`no_agent`, `open -> pending`); what people typed (notes, names) stays as written.
 */
export function historyDetail(item: Pick<TicketHistoryItem, 'action' | 'detail'>, t: Translator): string {
  if (item.action === 'created') {
    const reason = TicketReason.safeParse(item.detail);
    return reason.success ? t.t(`ticketReason.${reason.data}`) : item.detail;
  }
  if (item.action === 'status') {
    const [from, to] = item.detail.split(' -> ').map((s) => TicketStatus.safeParse(s));
    if (from?.success && to?.success)
      return t.t('tickets.statusChange', {
        from: t.t(`ticketStatus.${from.data}`),
        to: t.t(`ticketStatus.${to.data}`),
      });
  }
  return item.detail;
}
