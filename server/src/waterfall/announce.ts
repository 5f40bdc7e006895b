import type { Conversation, Site } from '@cascade/shared';
import type { Routing } from '../routing/routing.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { SiteStore } from '../store/sites.ts';
import type { Log } from '../log.ts';
import type { Notifier } from './notifier.ts';
import type { Views } from './view-port.ts';
import { siteThrottle } from './site-throttle.ts';
import { placeTeller, type PlaceTellerDeps } from './place-teller.ts';

/**
 * A waiting line is announced at most once per this long per site (and process): in a surge a
 * pass covers many changes, so its cost does not grow with changes times the line's length.
 */
export const QUEUE_ANNOUNCE_MS = 2000;

/**
 * How many chats of each line the agents' waiting list shows. Each listed chat is read and sent
 * to every agent of the site on each pass; in a surge of thousands the list shows the head of
 * each line, which is what an agent can pick from anyway.
 */
export const LISTED_PER_LINE = 100;

export type AnnounceDeps = PlaceTellerDeps & {
  sites: Pick<SiteStore, 'get'>;
  routing: Pick<Routing, 'lines'>;
  conversations: Pick<ConversationStore, 'get'>;
  views: Pick<Views, 'chatSummary'>;
  notify: Pick<Notifier, 'toSiteAgents'>;
  log: Pick<Log, 'warn'>;
  /** Tells the site's supervisors their live board changed. */
  touchBoard: (siteId: string) => void;
  /** Tells the other processes that a site's lines moved, so that they tell their own visitors (`heard`). */
  linesMoved: (siteId: string) => void;
};

/**
 * Tells a site's waiting visitors where they stand and its agents who is waiting, each at most
 * once per interval per site. The process where a line changed tells the agents and the other
 * processes; every process tells the visitors connected to it (place-teller.ts).
 */
export function queueAnnouncer(d: AnnounceDeps, intervalMs = QUEUE_ANNOUNCE_MS) {
  const tell = placeTeller(d);

  async function tellAgents(siteId: string): Promise<void> {
    d.linesMoved(siteId);
    const lines = await d.routing.lines(siteId);
    const listed = lines.flatMap((l) => l.ids.slice(0, LISTED_PER_LINE));
    const waiting = (await Promise.all(listed.map((id) => d.conversations.get(id)))).filter(
      (c): c is Conversation => c !== null,
    );
    const summaries = (await Promise.all(waiting.map((c) => d.views.chatSummary(c)))).filter((s) => s !== null);
    d.notify.toSiteAgents(siteId, 'queue:update', { waiting: summaries });
    d.touchBoard(siteId);
  }

  const warn = (what: string) => (e: unknown, siteId: string) => d.log.warn({ err: e, siteId }, what);
  const agents = siteThrottle(tellAgents, intervalMs, warn('queue announcement to agents failed'));
  const visitors = siteThrottle(
    async (siteId) => {
      const site = await d.sites.get(siteId);
      if (site) await tell(site);
    },
    intervalMs,
    warn('queue announcement to visitors failed'),
  );

  return {
    /** A line of this site changed here. */
    announceQueue: async (site: Site): Promise<void> => {
      await Promise.all([visitors.request(site.id), agents.request(site.id)]);
    },
    /** Another process says a line of this site changed. */
    heard: (siteId: string): Promise<void> => visitors.request(siteId),
    stop: (): void => {
      agents.stop();
      visitors.stop();
    },
  };
}
