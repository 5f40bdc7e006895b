import { Site, type Site as SiteT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';

export type SiteSecrets = { identitySecret: string; webhookSecret: string };

export function siteStore(redis: Redis, k: Keys) {
  return {
    async get(id: string): Promise<SiteT | null> {
      return fromHash(Site, await redis.hGetAll(k.site(id)));
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
