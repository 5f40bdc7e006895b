import type { Job } from 'bullmq';
import type { Config } from '../config.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { AgentStore } from '../store/agents.ts';
import type { VisitorStore } from '../store/visitors.ts';
import type { SiteStore } from '../store/sites.ts';
import type { StatusTime } from '../store/status-time.ts';
import type { Routing } from '../routing/routing.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import type { Log } from '../log.ts';
import type { Waterfall } from '../waterfall/service.ts';
import type { AgentGrace, Timers, VisitorGrace, WaitTimer } from '../routing/timers.ts';
import { CascadeError, type Site } from '@cascade/shared';
import type { Processors } from './workers.ts';
import { TIMERS, DELIVERIES, HISTORY } from './queues.ts';
import { deliveryProcessors, type DeliveryDeps } from '../delivery/processors.ts';
import { handBack } from '../waterfall/hand-back.ts';
import { historyProcessors } from '../history/jobs.ts';
import type { Archiver } from '../history/archive.ts';
import type { ArchiveDue } from '../history/archive-due.ts';
import type { Retention } from '../history/retention.ts';
import type { Repairs } from '../waterfall/repair.ts';
import { isWaiting } from '../waterfall/rules.ts';
import { isOpen } from '../routing/hours.ts';
import { autoAway } from '../routing/auto-away.ts';

/** A timer whose moment has passed (the chat moved on) is not an error: it simply does nothing. */
async function ignoreMovedOn(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof CascadeError && (e.code === 'invalid_state' || e.code === 'conflict'))) throw e;
  }
}

export type ProcessorDeps = DeliveryDeps & {
  config: Config;
  conversations: ConversationStore;
  agents: AgentStore;
  visitors: VisitorStore;
  sites: SiteStore;
  routing: Routing;
  statusTime: StatusTime;
  notify: Notifier;
  log: Log;
  clocks: Timers;
  repair: Repairs;
  archive: Archiver;
  archiveDue: Pick<ArchiveDue, 'drain' | 'resume'>;
  retention: Retention;
  /** Reports the site's SLA clocks that ran out; returns how many were new. */
  sla: (site: Site) => Promise<number>;
};

export function processors(d: ProcessorDeps, w: Waterfall): Processors {
  return {
    [TIMERS]: {
      'max-wait': async (job: Job<WaitTimer>) => {
        const c = await d.conversations.get(job.data.conversationId);
        if (!c || c.state !== 'queued' || c.waitingSince !== job.data.waitingSince) return;
        await ignoreMovedOn(() => w.apply(c, { type: 'offer_ticket', reason: 'max_wait' }));
      },
      widen: async (job: Job<WaitTimer>) => {
        const c = await d.conversations.get(job.data.conversationId);
        if (!c || c.widened || c.waitingSince !== job.data.waitingSince || !isWaiting(c)) return;
        await ignoreMovedOn(() => w.apply(c, { type: 'widen' }));
      },
      'agent-grace': async (job: Job<AgentGrace>) => {
        if (await d.notify.agentConnected(job.data.agentId)) return;
        const agent = await d.agents.get(job.data.agentId);
        if (!agent) return;
        for (const m of agent.memberships) await handBack(d, w, m.siteId, agent.id);
      },
      // A process that died (kill -9, a lost machine) never ran its sockets' disconnect handlers, so
      // its agents still look online: whoever has no socket left anywhere gets the usual grace.
      // Presence is read from Redis (io/presence.ts), so a hung process delays nobody's sweep; an
      // agent whose hung process wakes up again, still connected and chosen online, is online again.
      'presence-sweep': async () => {
        for (const site of await d.sites.all()) {
          // Before the agents who came back are counted online: an idle one stays away.
          const away = await autoAway(d, site);
          if (away.length > 0) w.touchBoard(site.id);
          const online = new Set(await d.routing.online(site.id));
          for (const agentId of online) {
            if (await d.notify.agentConnected(agentId)) continue;
            await d.routing.setOffline(site.id, agentId);
            await d.statusTime.change(site.id, agentId, 'offline');
            await d.clocks.agentGone(agentId, d.config.AGENT_GRACE_SECONDS);
          }
          let back = false;
          for (const agent of await d.agents.ofSite(site.id)) {
            if (online.has(agent.id) || !agent.active) continue;
            if ((await d.agents.chosenStatus(agent.id)) !== 'online') continue;
            if (!(await d.notify.agentConnected(agent.id))) continue;
            await d.routing.setOnline(site.id, agent.id);
            await d.statusTime.change(site.id, agent.id, 'online');
            back = true;
          }
          // Chats held while the site was closed are handed out on the first sweep after it opens.
          const reopened =
            site.businessHours !== null &&
            isOpen(site.businessHours, new Date()) &&
            (await d.routing.waiting(site.id)).length > 0;
          if (back || reopened) await w.runClaims(site.id, site);
        }
      },
      // What a process left half done when it died: finished or undone (waterfall/repair.ts).
      'repair-sweep': async () => {
        for (const site of await d.sites.all()) {
          const report = await d.repair.sweep(site);
          if (report.repaired > 0 || report.wrongLoads > 0) d.log.warn({ site: site.id, ...report }, 'repaired chats');
        }
        if (await d.archiveDue.resume()) d.log.warn({}, 'archive drain restarted');
      },
      // Each breach is reported once (routing/sla-sweep.ts); a sweep that fails is simply the next one's work.
      'sla-sweep': async () => {
        for (const site of await d.sites.all()) await d.sla(site);
      },
      'visitor-grace': async (job: Job<VisitorGrace>) => {
        const { siteId, visitorId, conversationId } = job.data;
        if (await d.notify.visitorConnected(siteId, visitorId)) return;
        const c = await d.conversations.get(conversationId);
        if (!c || !isWaiting(c)) return;
        const visitor = await d.visitors.get(siteId, visitorId);
        await ignoreMovedOn(() => w.apply(c, { type: 'visitor_gone', emailKnown: Boolean(visitor?.email) }));
      },
    },
    [DELIVERIES]: deliveryProcessors(d),
    [HISTORY]: historyProcessors(d.archive, d.archiveDue, d.retention),
  };
}
