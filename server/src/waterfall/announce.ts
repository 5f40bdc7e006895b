import type { Conversation, Site } from '@cascade/shared';
import type { Routing } from '../routing/routing.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { SiteStore } from '../store/sites.ts';
import type { Log } from '../log.ts';
import type { Notifier } from './notifier.ts';
import type { Views } from './view-port.ts';
import { siteThrottle } from './site-throttle.ts';

/**
 * A waiting line is announced at most once per this long per site (and process): in a surge a
 * pass covers many changes, so its cost does not grow with changes times the line's length.
 */
export const QUEUE_ANNOUNCE_MS = 2000;

export type AnnounceDeps = {
  sites: Pick<SiteStore, 'get'>;
  routing: Pick<Routing, 'waiting'>;
  conversations: Pick<ConversationStore, 'get'>;
  views: Pick<Views, 'queueViews' | 'chatSummary'>;
  notify: Pick<Notifier, 'toVisitor' | 'toSiteAgents'>;
  log: Pick<Log, 'warn'>;
  /** Tells the site's supervisors their live board changed. */
  touchBoard: (siteId: string) => void;
};

/** Tells a site's waiting visitors where they stand and its agents who is waiting, throttled per site. */
export function queueAnnouncer(d: AnnounceDeps, intervalMs = QUEUE_ANNOUNCE_MS) {
  /** What each waiting visitor of a site last heard from this process, so an unchanged place is not sent again. */
  const lastHeard = new Map<string, Map<string, string>>();

  /** Every waiting visitor whose place or estimate changed learns it; agents see the waiting list. */
  async function announceNow(siteId: string): Promise<void> {
    const site = await d.sites.get(siteId);
    if (!site) return;
    const ids = await d.routing.waiting(site.id);
    const waiting = (await Promise.all(ids.map((id) => d.conversations.get(id)))).filter(
      (c): c is Conversation => c !== null,
    );
    const views = await d.views.queueViews(site, waiting);
    const before = lastHeard.get(site.id);
    const heard = new Map<string, string>();
    waiting.forEach((c, i) => {
      const view = views[i];
      if (!view) return;
      // The version changes with every state write, so a chat that was told something else meanwhile hears it again.
      const said = `${c.version}:${view.state}:${view.queue?.position}:${view.queue?.etaSeconds}:${view.queue?.available}`;
      heard.set(c.id, said);
      if (before?.get(c.id) !== said) d.notify.toVisitor(c.siteId, c.visitorId, 'conversation:update', view);
    });
    lastHeard.set(site.id, heard);
    const summaries = (await Promise.all(waiting.map((c) => d.views.chatSummary(c)))).filter((s) => s !== null);
    d.notify.toSiteAgents(site.id, 'queue:update', { waiting: summaries });
    d.touchBoard(site.id);
  }

  const throttle = siteThrottle(announceNow, intervalMs, (e, siteId) =>
    d.log.warn({ err: e, siteId }, 'queue announcement failed'),
  );

  return {
    announceQueue: (site: Site): Promise<void> => throttle.request(site.id),
    stop: (): void => {
      throttle.stop();
    },
  };
}
