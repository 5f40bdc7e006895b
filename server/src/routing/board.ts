import type { Agent, AgentStatus, AllChats, Board } from '@cascade/shared';
import type { Redis } from '../redis/connect.ts';
import type { Keys } from '../redis/keys.ts';
import type { SiteStore } from '../store/sites.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { AgentStore } from '../store/agents.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import type { Log } from '../log.ts';

export type BoardDeps = {
  redis: Redis;
  keys: Keys;
  sites: SiteStore;
  conversations: ConversationStore;
  agents: AgentStore;
  notify: Pick<Notifier, 'agentConnected'>;
};

/** Only members with a skill here take chats: an admin without one is neither an agent online nor free slots. */
const takesChats = (agent: Agent, siteId: string): boolean =>
  agent.memberships.some((m) => m.siteId === siteId && m.skills.length > 0);

/** The live board: each waiting line with its longest wait, each agent's presence and load. */
export async function board(d: BoardDeps, siteId: string): Promise<Board> {
  const now = Date.now();
  const k = d.keys;
  const [site, lineNames, online, load, caps, inProgress, members] = await Promise.all([
    d.sites.get(siteId),
    d.redis.sMembers(k.queueIndex(siteId)),
    d.redis.zRange(k.online(siteId), 0, -1),
    d.redis.hGetAll(k.load(siteId)),
    d.redis.hGetAll(k.caps(siteId)),
    d.redis.hLen(k.assignment(siteId)),
    d.agents.ofSite(siteId),
  ]);
  const agents = members.filter((a) => takesChats(a, siteId));
  const lines = await Promise.all(
    lineNames.map(async (name) => {
      const [skill = '', level = '1'] = name.split(':');
      const ids = await d.redis.zRange(k.queue(siteId, skill, Number(level)), 0, -1);
      // Only the one field: in a surge the board is pushed a few times a second over thousands of chats.
      const since = (await d.conversations.numbers(ids, 'waitingSince')).filter((t): t is number => t !== null);
      const longest = since.length > 0 ? Math.round((now - Math.min(...since)) / 1000) : null;
      return { skill, level: Number(level), waiting: ids.length, longestWaitSeconds: longest };
    }),
  );
  const [connected, chosen] = await Promise.all([
    Promise.all(agents.map((a) => d.notify.agentConnected(a.id))),
    Promise.all(agents.map((a) => d.agents.chosenStatus(a.id))),
  ]);
  // Connected but not taking chats: the status they chose says why (away, on a break, busy).
  const statusOf = (agentId: string, i: number): AgentStatus =>
    online.includes(agentId)
      ? 'online'
      : connected[i]
        ? chosen[i] === 'online'
          ? 'away'
          : (chosen[i] ?? 'away')
        : 'offline';
  return {
    lines: lines.filter((l) => l.waiting > 0).sort((a, b) => a.skill.localeCompare(b.skill) || a.level - b.level),
    agents: agents
      .map((a, i) => ({
        active: a.active,
        agentId: a.id,
        name: a.name,
        status: statusOf(a.id, i),
        load: Number(load[a.id] ?? 0),
        cap: Number(caps[a.id] ?? site?.defaultMaxChats ?? 1),
      }))
      .filter((a) => a.active)
      .map(({ active: _active, ...row }) => row),
    inProgress,
  };
}

/**
 * Pushes the board and the all-chats list to a site's supervisors at most a few times a second,
 * however busy the site.
 */
export function boardPusher(
  d: BoardDeps & {
    notify: Notifier;
    log: Log;
    chats: (siteId: string) => Promise<AllChats>;
    /** Whether a console has the all-chats list open: only then is it built. */
    chatsWanted: (siteId: string) => Promise<boolean>;
  },
  delayMs = 250,
) {
  const pending = new Map<string, NodeJS.Timeout>();
  // Once stopped (the process is closing), nothing new is scheduled and a push cut short is not an error.
  let stopped = false;
  const touch = (siteId: string): void => {
    if (stopped || pending.has(siteId)) return;
    const timer = setTimeout(() => {
      pending.delete(siteId);
      // Both are built for supervisors' consoles alone: with none connected, nothing is read.
      d.notify
        .supervisorsWatching(siteId)
        .then((watching) =>
          watching
            ? Promise.all([
                board(d, siteId).then((b) => d.notify.toSiteSupervisors(siteId, 'board:update', { siteId, board: b })),
                d.chatsWanted(siteId).then(async (wanted) => {
                  if (wanted) d.notify.toSiteSupervisors(siteId, 'chats:update', await d.chats(siteId));
                }),
              ])
            : undefined,
        )
        .catch((e: unknown) => {
          if (!stopped) d.log.warn({ err: e }, 'board update failed');
        });
    }, delayMs);
    timer.unref();
    pending.set(siteId, timer);
  };
  return {
    touch,
    stop: (): void => {
      stopped = true;
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    },
  };
}
