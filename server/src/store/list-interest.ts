import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';

/**
 * How long a site's all-chats list stays wanted after a console asked for it. The console asks
 * again well within this while the list is open (see agent-console's useAllChats).
 */
export const LIST_INTEREST_SECONDS = 120;

/**
 * Whether a console has the site's all-chats list open: building it reads every open chat,
 * so a busy site whose supervisors look elsewhere does not pay for pushes nobody reads.
 */
export function listInterest(redis: Redis, k: Keys) {
  return {
    async want(siteId: string): Promise<void> {
      await redis.set(k.allChatsWanted(siteId), '1', { expiration: { type: 'EX', value: LIST_INTEREST_SECONDS } });
    },
    async wanted(siteId: string): Promise<boolean> {
      return (await redis.get(k.allChatsWanted(siteId))) !== null;
    },
  };
}
export type ListInterest = ReturnType<typeof listInterest>;
