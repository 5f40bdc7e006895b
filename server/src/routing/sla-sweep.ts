import type { Site } from '@cascade/shared';
import { addEvent } from '../store/event-stream.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { DomainEvents } from '../events.ts';
import { chatRow, openConversations, type AllChatsDeps } from './all-chats.ts';

export type SlaSweepDeps = AllChatsDeps & { redis: Redis; keys: Keys; events: Pick<DomainEvents, 'emit'> };

/** A breach stays noted this long after it was seen: far longer than any chat stays open. */
const BREACH_MARK_SECONDS = 30 * 24 * 3600;

/**
 * Reports every SLA clock of the site's open chats that ran out, once per clock. Run by a
 * repeated BullMQ job, so the check goes on after a restart. The webhook is queued before the
 * clock is noted as reported (a crash between queues it again, and its delivery id makes that
 * one delivery); the dashboard's count is written with the note, so it counts each breach once.
 * Returns how many breaches were new.
 */
export async function sweepSla(d: SlaSweepDeps, site: Site): Promise<number> {
  if (!site.slaPolicies?.length) return 0;
  const now = Date.now();
  let found = 0;
  for (const c of await openConversations(d, site.id)) {
    const row = await chatRow(d, site, c, now);
    for (const clock of row.clocks) {
      const mark = `${clock.kind}:${clock.dueAt}`;
      if (!clock.breached || (await d.redis.hGet(d.keys.slaBreaches(c.id), mark)) !== null) continue;
      await d.events.emit({ type: 'sla.breached', conversation: c, kind: clock.kind, dueAt: clock.dueAt });
      // Counted, not set: only the sweep that makes it 1 writes the dashboard's event.
      const [seen] = await d.redis
        .multi()
        .hIncrBy(d.keys.slaBreaches(c.id), mark, 1)
        .expire(d.keys.slaBreaches(c.id), BREACH_MARK_SECONDS)
        .exec();
      if (Number(seen) !== 1) continue;
      found++;
      await addEvent(d.redis, d.keys, site.id, c.id, {
        event: 'sla_breached',
        kind: clock.kind,
        skill: c.skill,
        agentId: c.agentId ?? '',
        ts: String(clock.dueAt),
      });
    }
  }
  return found;
}
