import type { Installation, OriginRefusal } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/** Distinct refused origins kept per site: enough to spot a typo, too few to grow without bound. */
const MAX_REFUSED = 20;
const SHOWN = 10;
const LAST = 'connected';

/**
 * What the site's admins need to see to install the widget: the last time it connected from
 * one of the allowed origins, and the origins it was refused from, with the reason.
 */
export function originLog(redis: Redis, k: Keys) {
  return {
    async allowed(siteId: string, origin: string): Promise<void> {
      await redis.hSet(k.originLog(siteId), LAST, JSON.stringify({ origin, at: Date.now() }));
    },

    async refused(siteId: string, origin: string): Promise<void> {
      const key = k.originLog(siteId);
      const field = `refused:${origin.slice(0, 300)}`;
      if ((await redis.hLen(key)) > MAX_REFUSED && (await redis.hGet(key, field)) === null) return;
      const reason = `refused from ${origin.slice(0, 300)}: not in the allowed origins`;
      await redis.hSet(key, field, JSON.stringify({ origin: origin.slice(0, 300), at: Date.now(), reason }));
    },

    /** Forgets the refusals, e.g. once the allowed origins have changed. */
    async clearRefusals(siteId: string): Promise<void> {
      const key = k.originLog(siteId);
      const fields = Object.keys(await redis.hGetAll(key)).filter((f) => f !== LAST);
      for (const f of fields) await redis.hDel(key, f);
    },

    async read(siteId: string): Promise<Installation> {
      const all = await redis.hGetAll(k.originLog(siteId));
      const refusals = Object.entries(all)
        .filter(([f]) => f !== LAST)
        .map(([, v]) => JSON.parse(v) as OriginRefusal)
        .sort((a, b) => b.at - a.at)
        .slice(0, SHOWN);
      const last = all[LAST];
      return { lastConnection: last ? (JSON.parse(last) as Installation['lastConnection']) : null, refusals };
    },
  };
}
export type OriginLog = ReturnType<typeof originLog>;
