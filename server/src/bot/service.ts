import { createBot, type Bot } from '@cascade/bot';
import type { KbStore } from '../store/kb.ts';

/** One bot per site, built from its knowledge base and rebuilt when the knowledge base changes. */
export function botService(kb: KbStore) {
  const bots = new Map<string, Promise<Bot>>();
  return {
    get(siteId: string): Promise<Bot> {
      let bot = bots.get(siteId);
      if (!bot) {
        bot = kb.all(siteId).then((entries) => createBot(entries));
        bots.set(siteId, bot);
        bot.catch(() => bots.delete(siteId));
      }
      return bot;
    },
    invalidate(siteId: string): void {
      bots.delete(siteId);
    },
  };
}
export type BotService = ReturnType<typeof botService>;
