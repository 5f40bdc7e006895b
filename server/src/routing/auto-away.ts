import type { Site } from '@cascade/shared';
import type { AgentStore } from '../store/agents.ts';
import type { StatusTime } from '../store/status-time.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import type { Routing } from './routing.ts';

export type AutoAwayDeps = {
  agents: Pick<AgentStore, 'ofSite' | 'chosenStatus' | 'setChosenStatus' | 'activeAt'>;
  routing: Pick<Routing, 'setOffline'>;
  statusTime: Pick<StatusTime, 'change'>;
  notify: Pick<Notifier, 'toAgent'>;
};

/**
 * Whether an agent last seen at a console at `activeAt` has been idle past the site's limit
 * (null: the site never sets anyone away). An agent never seen is left alone: their console
 * notes them on connecting.
 */
export function idlePast(activeAt: number | null, autoAwaySeconds: number | null, now: number): boolean {
  return activeAt !== null && autoAwaySeconds !== null && now - activeAt >= autoAwaySeconds * 1000;
}

/**
 * Sets away the site's available agents with no console activity for its auto-away time. The
 * console does this itself when it sees the agent idle; this catches the consoles that cannot
 * (a closed laptop, a frozen tab), so routing stops offering them chats and the dashboard counts
 * the time as away. The chosen status is the person's, on every site they belong to.
 */
export async function autoAway(d: AutoAwayDeps, site: Site, now = Date.now()): Promise<string[]> {
  if (site.autoAwaySeconds === null) return [];
  const away: string[] = [];
  for (const agent of await d.agents.ofSite(site.id)) {
    if (!agent.active || (await d.agents.chosenStatus(agent.id)) !== 'online') continue;
    if (!idlePast(await d.agents.activeAt(agent.id), site.autoAwaySeconds, now)) continue;
    await d.agents.setChosenStatus(agent.id, 'away');
    for (const m of agent.memberships) {
      await d.routing.setOffline(m.siteId, agent.id);
      await d.statusTime.change(m.siteId, agent.id, 'away', now);
    }
    d.notify.toAgent(agent.id, 'agent:status', { status: 'away' });
    away.push(agent.id);
  }
  return away;
}
