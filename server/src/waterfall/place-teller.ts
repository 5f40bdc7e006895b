import type { Conversation, QueueStatus, Site } from '@cascade/shared';
import type { ConversationStore } from '../store/conversations.ts';
import type { Notifier } from './notifier.ts';
import type { Views } from './view-port.ts';
import { isWaiting } from './rules.ts';
import { linePlaces, type PlacesDeps } from './places.ts';

export type PlaceTellerDeps = PlacesDeps & {
  conversations: Pick<ConversationStore, 'get' | 'numbers'>;
  views: Pick<Views, 'placedView'>;
  notify: Pick<Notifier, 'visitorHere' | 'toVisitorHere'>;
};

/** A waiting chat as this process knows it, and what its visitor last heard from this process. */
type Known = { chat: Conversation; said: string | null };

/** What a visitor is told: a new version (a state write) or a new place or estimate is worth telling. */
const saying = (c: Conversation, q: QueueStatus) =>
  `${c.version}:${q.position}:${q.etaSeconds}:${q.available}:${q.opensAt ?? ''}`;

/**
 * Tells the waiting visitors connected to this process where they stand, and only those whose
 * place, estimate or chat changed. Every process runs its own passes for its own sockets, so no
 * push crosses the adapter. A pass reads the lines once, each chat new to this process once,
 * and the versions of its own waiting visitors' chats (one pipelined batch), so that a chat
 * written elsewhere is read again: a push with an older version than the widget holds is ignored.
 */
export function placeTeller(d: PlaceTellerDeps) {
  const known = new Map<string, Map<string, Known>>();

  return async function tell(site: Site): Promise<void> {
    const { places } = await linePlaces(d, site);
    const before = known.get(site.id) ?? new Map<string, Known>();
    const now = new Map<string, Known>();
    const unknown: string[] = [];
    for (const id of places.keys()) {
      const k = before.get(id);
      if (k) now.set(id, k);
      else unknown.push(id);
    }
    for (const c of await Promise.all(unknown.map((id) => d.conversations.get(id))))
      if (c && isWaiting(c)) now.set(c.id, { chat: c, said: null });
    known.set(site.id, now);

    const here = [...now.values()].filter((k) => d.notify.visitorHere(site.id, k.chat.visitorId));
    const versions = await d.conversations.numbers(
      here.map((k) => k.chat.id),
      'version',
    );
    await Promise.all(
      here.map(async (k, i) => {
        if (versions[i] !== k.chat.version) {
          const fresh = await d.conversations.get(k.chat.id);
          if (!fresh || !isWaiting(fresh)) return;
          k.chat = fresh;
        }
        const queue = places.get(k.chat.id);
        if (!queue) return;
        const said = saying(k.chat, queue);
        if (said === k.said) return;
        k.said = said;
        d.notify.toVisitorHere(
          site.id,
          k.chat.visitorId,
          'conversation:update',
          await d.views.placedView(site, k.chat, queue),
        );
      }),
    );
  };
}
