import type { AgentStatus, StatusTimes } from '@cascade/shared';
import { parseCurrent, parseSpan, statusSeconds, type StatusSpan } from '../metrics/status-time.ts';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import { scripts } from '../redis/scripts/index.ts';

/** Spans are kept this long: the dashboard's longest period is 30 days. */
const KEEP_MS = 90 * 24 * 3600 * 1000;

/** Time each agent of a site spends in each status, for the dashboard. */
export function statusTime(redis: Redis, k: Keys) {
  return {
    /** Notes that the agent's status on the site is now `status`; a repeat of the same status changes nothing. */
    async change(siteId: string, agentId: string, status: AgentStatus, now = Date.now()): Promise<void> {
      await scripts.statusChange(
        redis,
        [k.statusNow(siteId), k.statusSpans(siteId)],
        [agentId, status, now, now - KEEP_MS],
      );
    },

    async between(siteId: string, from: number, to: number): Promise<StatusTimes['agents']> {
      const [ended, current] = await Promise.all([
        redis.zRangeByScore(k.statusSpans(siteId), from, '+inf'),
        redis.hGetAll(k.statusNow(siteId)),
      ]);
      const spans = [
        ...ended.map(parseSpan),
        ...Object.entries(current).map(([agentId, value]) => parseCurrent(agentId, value)),
      ].filter((s): s is StatusSpan => s !== null);
      return statusSeconds(spans, from, Math.min(to, Date.now()));
    },
  };
}
export type StatusTime = ReturnType<typeof statusTime>;
