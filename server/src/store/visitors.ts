import { PageView, Visitor, type Visitor as VisitorT } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { fromHash, toHash } from '../redis/codec.ts';
import { luaScript } from '../redis/script.ts';

const switchScript = luaScript(new URL('../redis/switch-conversation.lua', import.meta.url));

/** A visitor token stays valid this long after its last use. */
const TOKEN_TTL_SECONDS = 180 * 24 * 3600;
const MAX_PAGES = 200;

export function visitorStore(redis: Redis, k: Keys) {
  return {
    async get(siteId: string, id: string): Promise<VisitorT | null> {
      return fromHash(Visitor, await redis.hGetAll(k.visitor(siteId, id)));
    },

    async create(v: VisitorT, token: string): Promise<void> {
      await redis.hSet(k.visitor(v.siteId, v.id), toHash(v));
      await redis.set(k.token(token), JSON.stringify({ siteId: v.siteId, visitorId: v.id }), {
        expiration: { type: 'EX', value: TOKEN_TTL_SECONDS },
      });
      await redis.sAdd(k.visitorTokens(v.siteId, v.id), token);
    },

    async update(siteId: string, id: string, patch: Partial<VisitorT>): Promise<void> {
      const fields = toHash(patch);
      if (Object.keys(fields).length > 0) await redis.hSet(k.visitor(siteId, id), fields);
    },

    /** The visitor a token belongs to, refreshing its lifetime; null when unknown or expired. */
    async byToken(token: string): Promise<{ siteId: string; visitorId: string } | null> {
      const raw = await redis.getEx(k.token(token), { type: 'EX', value: TOKEN_TTL_SECONDS });
      return raw ? (JSON.parse(raw) as { siteId: string; visitorId: string }) : null;
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
      const res = (await switchScript(
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
      await redis
        .multi()
        .rPush(key, JSON.stringify(PageView.parse(page)))
        .lTrim(key, -MAX_PAGES, -1)
        .exec();
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
