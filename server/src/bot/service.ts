import { botFromModel, type Bot } from '@cascade/bot';
import type { KbStore } from '../store/kb.ts';
import type { BuildPool } from './build-pool.ts';

type Site = {
  bot: Bot | null;
  /** The knowledge base changed since `bot` was built. */
  stale: boolean;
  building: boolean;
  /** When the knowledge base last changed (ms). */
  changedAt: number;
  /** Changed again while building: build once more when this build ends (latest wins). */
  again: boolean;
  /** Settled when the running build ends. */
  built: Promise<void> | null;
  error: string | null;
  /** Changes already acted on: a change is announced both by its writer and over pub/sub. */
  seen: Set<string>;
};

// Read through functions: the fields change while a build is awaited.
const changedAgain = (s: Site) => s.again;
const botOf = (s: Site) => s.bot;

export type BotServiceDeps = {
  kb: KbStore;
  pool: BuildPool;
  log: { error: (obj: unknown, msg?: string) => void };
  /**
   * For this long after its knowledge base changes, a site's messages wait for the index being
   * built rather than take the previous one: an edited entry answers from the next message on,
   * while during a big import messages wait at most this long once, then the previous index answers.
   */
  freshWaitMs: number;
};

/**
 * One bot per site, built in the pool's threads from its knowledge base and rebuilt when it
 * changes. While a new index builds the site keeps answering with the one it has; builds for a
 * site run one at a time and coalesce; a failed build keeps the previous bot and is logged.
 */
export function botService(d: BotServiceDeps) {
  const sites = new Map<string, Site>();

  function site(siteId: string): Site {
    let s = sites.get(siteId);
    if (!s) {
      s = {
        bot: null,
        stale: true,
        building: false,
        changedAt: 0,
        again: false,
        built: null,
        error: null,
        seen: new Set(),
      };
      sites.set(siteId, s);
    }
    return s;
  }

  async function buildOnce(siteId: string, s: Site): Promise<void> {
    s.stale = false;
    try {
      const { entries, model } = await d.pool.build(() => d.kb.raw(siteId));
      s.bot = botFromModel(entries, model);
      s.error = null;
    } catch (e) {
      // Tried again on the next change, or on the next message while there is no bot at all.
      s.stale = s.bot === null;
      s.error = e instanceof Error ? e.message : String(e);
      d.log.error({ siteId, err: s.error }, 'building the bot failed; the previous one keeps answering');
    }
  }

  function schedule(siteId: string, s: Site): Promise<void> {
    if (s.building) {
      s.again = true;
      return s.built ?? Promise.resolve();
    }
    s.building = true;
    s.built = (async () => {
      let more = true;
      while (more) {
        s.again = false;
        await buildOnce(siteId, s);
        more = changedAgain(s);
      }
      s.building = false;
    })();
    return s.built;
  }

  return {
    async get(siteId: string): Promise<Bot> {
      const s = site(siteId);
      if (s.bot && !s.stale && !s.building) return s.bot;
      const built = s.stale && !s.building ? schedule(siteId, s) : (s.built ?? Promise.resolve());
      if (s.bot) {
        const wait = s.changedAt + d.freshWaitMs - Date.now();
        if (wait <= 0) return s.bot;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([built, new Promise((r) => (timer = setTimeout(r, wait)))]);
        clearTimeout(timer);
        return s.bot;
      }
      await built;
      const bot = botOf(s);
      if (!bot) throw new Error(`the bot could not be built: ${s.error ?? 'unknown error'}`);
      return bot;
    },
    /** The knowledge base changed (`change` names the write, so that hearing of it twice builds once). */
    invalidate(siteId: string, change?: string): void {
      const s = sites.get(siteId);
      if (!s) return;
      if (change) {
        if (s.seen.has(change)) return;
        if (s.seen.size >= 64) s.seen.clear();
        s.seen.add(change);
      }
      s.stale = true;
      s.changedAt = Date.now();
      // A site that has a bot gets its new one at once; others build when first asked.
      if (s.bot) void schedule(siteId, s);
    },
    /** Whether a build is running, and why the last one failed (null when it did not). */
    status(siteId: string): { building: boolean; error: string | null } {
      const s = sites.get(siteId);
      return { building: s?.building ?? false, error: s?.error ?? null };
    },
  };
}
export type BotService = ReturnType<typeof botService>;
