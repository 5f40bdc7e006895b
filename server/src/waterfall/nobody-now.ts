import type { Conversation, Site } from '@cascade/shared';
import { isOpen } from '../routing/hours.ts';
import type { Routing } from '../routing/routing.ts';
import type { Waterfall } from './service.ts';

type OfferNow = 'no_agent' | 'outside_hours';

/** Why nobody can take a chat in line now (the site is closed, or nobody with its skill and level is online); null if someone can. */
export async function nobodyCanCome(
  d: { routing: Routing },
  site: Site,
  queued: Conversation,
): Promise<OfferNow | null> {
  if (!isOpen(site.businessHours, new Date())) return 'outside_hours';
  if ((await d.routing.eligibleOnline(site.id, queued)) === 0) return 'no_agent';
  return null;
}

/**
 * A chat just put in line that nobody can take is offered the ticket at once, rather than left
 * waiting on a made-up estimate.
 */
export async function offerIfNobodyCanCome(
  d: { routing: Routing },
  w: Waterfall,
  site: Site,
  queued: Conversation,
): Promise<Conversation> {
  if (queued.state !== 'queued') return queued;
  const reason = await nobodyCanCome(d, site, queued);
  return reason ? w.apply(queued, { type: 'offer_ticket', reason }) : queued;
}
