import type { Delivery } from '@cascade/shared';
import { useEffect } from 'preact/hooks';
import { ticketDeliveries } from '../api/tickets.ts';
import { useLoad, type Loaded } from './use-load.ts';

/** How often a reply still sending is asked about again: the server pushes no delivery news. */
const PENDING_POLL_MS = 1500;

/**
 * The deliveries of a ticket's replies, asked again when a reply is added and, while one is
 * still sending, until it is sent or has failed.
 */
export function useReplyDeliveries(ticketId: string, replies: number): Loaded<Delivery[]> {
  const loaded = useLoad(() => ticketDeliveries(ticketId), ticketId);
  const { data, reload } = loaded;
  useEffect(reload, [replies, reload]);
  const sending = data?.some((d) => d.status === 'pending') ?? false;
  useEffect(() => {
    if (!sending) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [sending, data, reload]);
  return loaded;
}
