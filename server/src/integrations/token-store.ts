import { createHash, randomBytes } from 'node:crypto';
import { ApiToken, type TokenScope } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import { fromHash, toHash } from '../redis/codec.ts';
import type { IntegrationKeys } from './keys.ts';

/** Tokens are long random secrets, so a fast hash is enough to keep a stolen database useless. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** What every token secret starts with, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'cas_';

/** API tokens per site: created with their secret shown once, found by its hash, revoked at once. */
export function tokenStore(redis: Redis, k: IntegrationKeys) {
  return {
    async create(n: { siteId: string; name: string; scopes: TokenScope[]; createdBy: string }) {
      const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const hash = hashSecret(secret);
      const token: ApiToken = {
        id: randomBytes(8).toString('hex'),
        ...n,
        createdAt: Date.now(),
        lastUsedAt: null,
      };
      await redis.hSet(k.apiToken(hash), toHash(token));
      await redis.hSet(k.siteTokens(n.siteId), token.id, hash);
      return { token, secret };
    },

    async bySecret(secret: string): Promise<ApiToken | null> {
      if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
      return fromHash(ApiToken, await redis.hGetAll(k.apiToken(hashSecret(secret))));
    },

    async used(token: ApiToken, at: number): Promise<void> {
      const hash = await redis.hGet(k.siteTokens(token.siteId), token.id);
      if (hash) await redis.hSet(k.apiToken(hash), toHash({ lastUsedAt: at }));
    },

    async list(siteId: string): Promise<ApiToken[]> {
      const hashes = Object.values(await redis.hGetAll(k.siteTokens(siteId)));
      const tokens = await Promise.all(hashes.map(async (h) => fromHash(ApiToken, await redis.hGetAll(k.apiToken(h)))));
      return tokens.filter((t) => t !== null).sort((a, b) => b.createdAt - a.createdAt);
    },

    /** False when the site has no such token. */
    async revoke(siteId: string, tokenId: string): Promise<boolean> {
      const hash = await redis.hGet(k.siteTokens(siteId), tokenId);
      if (!hash) return false;
      await redis.del(k.apiToken(hash));
      await redis.hDel(k.siteTokens(siteId), tokenId);
      return true;
    },
  };
}
export type TokenStore = ReturnType<typeof tokenStore>;
