import { PageView, Visitor, VisitorAttributes, type Visitor as VisitorT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';
import { scripts } from '../redis/scripts/index.ts';

/** A visitor token stays valid this long after its last use, once the visitor has chatted. */
const TOKEN_TTL_SECONDS = 180 * 24 * 3600;
/** A visitor who has only connected (and never chatted) is forgotten after a day. */
export const PENDING_TTL_SECONDS = 24 * 3600;

/** What a token key holds; `pending` until the visitor first chats. */
type TokenRecord = { siteId: string; visitorId: string; pending?: true };
const MAX_PAGES = 200;

export function visitorStore(redis: Redis, k: Keys) {
  return {
    async get(siteId: string, id: string): Promise<VisitorT | null> {
      return fromHash(Visitor, await redis.hGetAll(k.visitor(siteId, id)));
    },

    /**
     * A new visitor, kept for a day only: most connections never chat, and they must not
     * leave a record (or a token valid for months) behind. `keep` makes it last.
     */
    async create(v: VisitorT, token: string): Promise<void> {
      const record: TokenRecord = { siteId: v.siteId, visitorId: v.id, pending: true };
      await redis
        .multi()
        .hSet(k.visitor(v.siteId, v.id), toHash(v))
        .expire(k.visitor(v.siteId, v.id), PENDING_TTL_SECONDS)
        .sAdd(k.visitorTokens(v.siteId, v.id), token)
        .expire(k.visitorTokens(v.siteId, v.id), PENDING_TTL_SECONDS)
        .exec();
      await redis.set(k.token(token), JSON.stringify(record), {
        expiration: { type: 'EX', value: PENDING_TTL_SECONDS },
      });
    },

    /** The visitor chats: their record stays, and their tokens live 180 days from each use. */
    async keep(siteId: string, id: string): Promise<void> {
      const [, , , tokens] = (await redis
        .multi()
        .persist(k.visitor(siteId, id))
        .persist(k.visitorTokens(siteId, id))
        .persist(k.visitorPages(siteId, id))
        .sMembers(k.visitorTokens(siteId, id))
        .exec()) as unknown as [number, number, number, string[]];
      const record: TokenRecord = { siteId, visitorId: id };
      // One SET per token: tokens are spread over a Redis Cluster's slots.
      await Promise.all(
        tokens.map((token) =>
          redis.set(k.token(token), JSON.stringify(record), { expiration: { type: 'EX', value: TOKEN_TTL_SECONDS } }),
        ),
      );
    },

    async update(siteId: string, id: string, patch: Partial<VisitorT>): Promise<void> {
      const fields = toHash(patch);
      if (Object.keys(fields).length > 0) await redis.hSet(k.visitor(siteId, id), fields);
    },

    /**
     * Merges attributes into the visitor's (an empty value removes one). Two tabs setting at
     * once may lose one's change, as with any last write; the bound on count holds either way.
     * False, and nothing changed, when the result would be too many.
     */
    async mergeAttributes(siteId: string, id: string, patch: VisitorAttributes): Promise<boolean> {
      const raw = await redis.hGet(k.visitor(siteId, id), 'attributes');
      const held = raw ? (JSON.parse(raw) as VisitorAttributes) : {};
      const merged: VisitorAttributes = Object.fromEntries(
        Object.entries({ ...held, ...patch }).filter(([, value]) => value !== ''),
      );
      if (!VisitorAttributes.safeParse(merged).success) return false;
      await redis.hSet(k.visitor(siteId, id), 'attributes', JSON.stringify(merged));
      return true;
    },

    /** The visitor a token belongs to, refreshing a kept token's lifetime; null when unknown or expired. */
    async byToken(token: string): Promise<{ siteId: string; visitorId: string } | null> {
      const raw = await redis.get(k.token(token));
      if (!raw) return null;
      const record = JSON.parse(raw) as TokenRecord;
      if (!record.pending) await redis.expire(k.token(token), TOKEN_TTL_SECONDS);
      return { siteId: record.siteId, visitorId: record.visitorId };
    },

    /** Ends every token of the visitor: their browsers come back as new visitors. How many there were. */
    async revokeTokens(siteId: string, id: string): Promise<number> {
      const tokens = await redis.sMembers(k.visitorTokens(siteId, id));
      // One DEL per token: tokens are spread over a Redis Cluster's slots.
      await Promise.all(tokens.map((token) => redis.del(k.token(token))));
      await redis.del(k.visitorTokens(siteId, id));
      return tokens.length;
    },

    async currentConversation(siteId: string, id: string): Promise<string | null> {
      const raw = await redis.hGet(k.visitor(siteId, id), 'conversationId');
      return raw ? (JSON.parse(raw) as string | null) : null;
    },

    /**
     * Makes `next` the visitor's conversation if the current one is still `expected` (null for
     * none). When another tab got there first, says which conversation is current instead.
     */
    async switchConversation(
      siteId: string,
      id: string,
      expected: string | null,
      next: string,
    ): Promise<{ switched: boolean; current: string | null }> {
      const res = (await scripts.switchConversation(
        redis,
        [k.visitor(siteId, id)],
        [JSON.stringify(expected), JSON.stringify(next)],
      )) as string | null;
      return res === null
        ? { switched: true, current: next }
        : { switched: false, current: JSON.parse(res) as string | null };
    },

    async addPage(siteId: string, id: string, page: PageView): Promise<void> {
      const key = k.visitorPages(siteId, id);
      // Checked on the way in, so that reading the list back never fails.
      const [, , ttl] = (await redis
        .multi()
        .rPush(key, JSON.stringify(PageView.parse(page)))
        .lTrim(key, -MAX_PAGES, -1)
        .pTTL(k.visitor(siteId, id))
        .exec()) as unknown as [number, string, number];
      // The pages of a visitor who has not chatted go when the visitor does.
      if (ttl > 0) await redis.pExpire(key, ttl);
    },

    async pages(siteId: string, id: string): Promise<PageView[]> {
      const raw = await redis.lRange(k.visitorPages(siteId, id), 0, -1);
      // Pages stored before URLs were checked on the way in are skipped, not fatal to every reader.
      return raw.flatMap((p) => {
        const page = PageView.safeParse(JSON.parse(p));
        return page.success ? [page.data] : [];
      });
    },
  };
}
export type VisitorStore = ReturnType<typeof visitorStore>;
