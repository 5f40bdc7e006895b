import type { Conversation, Site } from '@cascade/shared';
import { isOpen } from '../routing/hours.ts';
import type { Routing } from '../routing/routing.ts';
import type { Waterfall } from './service.ts';

/**
 * A chat just put in line that nobody can take (the site is closed, or nobody with its skill and
 * level is online) is offered the ticket at once, rather than left waiting on a made-up estimate.
 */
export async function offerIfNobodyCanCome(
  d: { routing: Routing },
  w: Waterfall,
  site: Site,
  queued: Conversation,
): Promise<Conversation> {
  if (queued.state !== 'queued') return queued;
  if (!isOpen(site.businessHours, new Date()))
    return w.apply(queued, { type: 'offer_ticket', reason: 'outside_hours' });
  if ((await d.routing.eligibleOnline(site.id, queued)) === 0)
    return w.apply(queued, { type: 'offer_ticket', reason: 'no_agent' });
  return queued;
}
