import type { Conversation, Site } from '@cascade/shared';
import type { Queues } from '../jobs/queues.ts';

export type WaitTimer = { conversationId: string; waitingSince: number };
export type AgentGrace = { agentId: string; since: number };
export type VisitorGrace = { siteId: string; visitorId: string; conversationId: string; since: number };

/**
 * The waterfall's clocks, as delayed BullMQ jobs. Each carries the moment it is about
 * (the start of the wait, the disconnect), so a job that outlived its reason does nothing.
 * Job ids make scheduling the same timer twice harmless.
 */
export function timers(queues: Queues) {
  return {
    async waiting(site: Site, c: Conversation): Promise<void> {
      if (c.waitingSince === null) return;
      const data: WaitTimer = { conversationId: c.id, waitingSince: c.waitingSince };
      const elapsed = Date.now() - c.waitingSince;
      const clock = (name: 'max-wait' | 'widen', seconds: number) => ({
        name,
        data,
        opts: { delay: Math.max(0, seconds * 1000 - elapsed), jobId: `${name}-${c.id}-${c.waitingSince}` },
      });
      const clocks = [clock('max-wait', site.maxWaitSeconds)];
      if (site.widenAfterSeconds !== null && !c.widened) clocks.push(clock('widen', site.widenAfterSeconds));
      // Both clocks in one round trip: this runs for every chat that joins a line.
      await queues.timers.addBulk(clocks);
    },

    async agentGone(agentId: string, graceSeconds: number): Promise<void> {
      const since = Date.now();
      const data: AgentGrace = { agentId, since };
      await queues.timers.add('agent-grace', data, {
        delay: graceSeconds * 1000,
        jobId: `agent-grace-${agentId}-${since}`,
      });
    },

    async visitorGone(siteId: string, visitorId: string, conversationId: string, graceSeconds: number): Promise<void> {
      const since = Date.now();
      const data: VisitorGrace = { siteId, visitorId, conversationId, since };
      await queues.timers.add('visitor-grace', data, {
        delay: graceSeconds * 1000,
        jobId: `visitor-grace-${conversationId}-${since}`,
      });
    },
  };
}
export type Timers = ReturnType<typeof timers>;
