import { Site, type Site as SiteT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';

export type SiteSecrets = { identitySecret: string; webhookSecret: string };

export function siteStore(redis: Redis, k: Keys) {
  /**
   * Sites read while caching is on (only in a process that hears `siteChannel`, compose.ts):
   * every waterfall step reads its site, and parsing the hash each time was a large share of
   * the CPU an escalation costs. Each read's generation guards against storing a site read
   * before a change that was heard while the read was under way.
   */
  let caching = false;
  const cache = new Map<string, SiteT>();
  const generation = new Map<string, number>();

  function dropCached(id: string): void {
    cache.delete(id);
    generation.set(id, (generation.get(id) ?? 0) + 1);
  }

  return {
    async get(id: string): Promise<SiteT | null> {
      const hit = cache.get(id);
      if (hit) return hit;
      const gen = generation.get(id) ?? 0;
      const site = fromHash(Site, await redis.hGetAll(k.site(id)));
      if (caching && site && (generation.get(id) ?? 0) === gen) cache.set(id, site);
      return site;
    },

    async byPublicKey(publicKey: string): Promise<SiteT | null> {
      const id = await redis.get(k.siteByKey(publicKey));
      return id ? this.get(id) : null;
    },

    async save(site: SiteT, secrets: SiteSecrets): Promise<void> {
      await redis.hSet(k.site(site.id), toHash(site));
      await redis.hSet(k.siteSecrets(site.id), secrets);
      await redis.set(k.siteByKey(site.publicKey), site.id);
      await redis.sAdd(k.sites, site.id);
      await this.changed(site.id);
    },

    /** The site's settings were written or removed: every process reads them afresh. */
    async changed(id: string): Promise<void> {
      dropCached(id);
      await redis.publish(k.siteChannel, id);
    },

    /** Another process (or this one) announced a change on `siteChannel`. */
    heard(id: string): void {
      dropCached(id);
    },

    /** Turned on once this process hears `siteChannel`, so that no change can go unheard. */
    cacheReads(): void {
      caching = true;
    },

    async secrets(id: string): Promise<SiteSecrets | null> {
      const s = await redis.hGetAll(k.siteSecrets(id));
      return s.identitySecret && s.webhookSecret
        ? { identitySecret: s.identitySecret, webhookSecret: s.webhookSecret }
        : null;
    },

    async all(): Promise<SiteT[]> {
      const ids = await redis.sMembers(k.sites);
      const sites = await Promise.all(ids.map((id) => this.get(id)));
      return sites.filter((s): s is SiteT => s !== null);
    },
  };
}
export type SiteStore = ReturnType<typeof siteStore>;
