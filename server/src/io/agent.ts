import {
  AgentActive,
  AgentSend,
  AllChatsRequest,
  AgentTyping,
  CascadeError,
  FileLinkRequest,
  FollowUp,
  GlanceRequest,
  InboxRequest,
  MarkRead,
  OpenChat,
  Pick,
  Resolve,
  SetStatus,
  SyncChat,
  TakeOver,
  Transfer,
  WatchChat,
  type Agent,
  type AgentClientEvents,
  type AgentServerEvents,
} from '@cascade/shared';
import type { Namespace, Server, Socket } from 'socket.io';
import { SESSION_COOKIE, readCookie } from '../auth/cookies.ts';
import type { SessionStore } from '../store/sessions.ts';
import type { Config } from '../config.ts';
import type { AgentStore } from '../store/agents.ts';
import type { UnreadStore } from '../store/unread.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import type { AgentActions } from '../waterfall/agent-actions.ts';
import type { Supervision } from '../waterfall/supervision.ts';
import { handler, type Logger } from './handle.ts';
import { rooms } from './rooms.ts';
import type { Timers } from '../routing/timers.ts';
import type { Keys } from '../redis/keys.ts';
import type { Presence } from './presence.ts';
import { consoleOrigin } from '../security/origins.ts';
import { inFlight } from './in-flight.ts';
import type { FileAccess } from '../files/access.ts';
import type { SeenReceipts } from '../waterfall/seen.ts';

/**
 * What an agent's socket keeps: the agent as checked at `checkedAt`. Changes to an agent
 * (logout, deactivation, new roles or skills) end their connections, so that they come back
 * with a fresh record and rooms; the re-check after AGENT_RECHECK_MS catches anything else
 * (an expired session).
 */
type AgentData = { agentId: string; sessionId: string; agent: Agent; checkedAt: number };

const AGENT_RECHECK_MS = 30_000;

/** Activity is noted at most this often per socket: the shortest auto-away time is 5 s. */
const TOUCH_EVERY_MS = 1000;
type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentData>;

/** Which of an agent's live connections to end: all, one session's, or all but one session's. */
export type Connections = { only?: string; except?: string };

/** Ends live agent connections, on every process. */
export async function endAgentConnections(io: Server, agentId: string, which: Connections = {}): Promise<void> {
  const nsp = io.of('/agent') as unknown as Namespace<
    AgentClientEvents,
    AgentServerEvents,
    Record<string, never>,
    AgentData
  >;
  if (!which.only && !which.except) {
    nsp.in(rooms.agent(agentId)).disconnectSockets(true);
    return;
  }
  for (const s of await nsp.in(rooms.agent(agentId)).fetchSockets()) {
    const ends = which.only ? s.data.sessionId === which.only : s.data.sessionId !== which.except;
    if (ends) s.disconnect(true);
  }
}

export type AgentSocketDeps = {
  config: Config;
  agents: AgentStore;
  notify: Notifier;
  present: Pick<Presence, 'join'>;
  keys: Pick<Keys, 'supervisorPresence'>;
  clocks: Timers;
  unread: UnreadStore;
  fileAccess: FileAccess;
  supervision: Supervision;
  seen: SeenReceipts;
  /** Whether a site of the agent requires two-step sign-in that the agent has not turned on yet. */
  secondFactorPending?: (agent: Agent) => Promise<boolean>;
};

export function agentNamespace(
  io: Server,
  d: AgentSocketDeps,
  sessions: SessionStore,
  actions: AgentActions,
  log: Logger,
) {
  const nsp = io.of('/agent') as unknown as Namespace<
    AgentClientEvents,
    AgentServerEvents,
    Record<string, never>,
    AgentData
  >;
  const handle = handler(log);
  let closing = false;
  const running = inFlight();
  const { clocks } = d;
  const isConsole = consoleOrigin(d.config);

  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- every path calls next(), even on failure
  nsp.use(async (socket, next) => {
    try {
      // A page on another origin must not ride the agent's cookie into their inbox.
      if (!isConsole(socket.handshake.headers.origin, socket.handshake.headers.host)) {
        return next(new Error('origin_not_allowed'));
      }
      const sid = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      const session = sid ? await sessions.get(sid) : null;
      const agent = session ? await d.agents.get(session.agentId) : null;
      if (!session || !agent || !agent.active) return next(new Error('unauthorized'));
      // Refused outright rather than connected without chats: the socket is the inbox, and an
      // account that a site requires a second factor for must not see that site's visitors on
      // its password alone. Refused, the agent is never online, so no chat is routed to them;
      // the console reads the code and shows the setup step.
      if (await d.secondFactorPending?.(agent)) return next(new Error('second_factor_setup_required'));
      socket.data = { agentId: agent.id, sessionId: session.id, agent, checkedAt: Date.now() };
      next();
    } catch (e) {
      log.error({ err: e }, 'agent handshake failed');
      next(new Error('unavailable'));
    }
  });

  nsp.on('connection', async (socket: AgentSocket) => {
    const { agentId, sessionId } = socket.data;

    async function me(): Promise<Agent> {
      if (Date.now() - socket.data.checkedAt < AGENT_RECHECK_MS) return socket.data.agent;
      const [agent, session] = await Promise.all([d.agents.get(agentId), sessions.get(sessionId)]);
      if (!agent || !agent.active || !session) {
        socket.disconnect(true);
        throw new CascadeError('unauthorized', 'your session has ended; log in again');
      }
      // A site began to require two-step sign-in (or the agent turned it off) while connected.
      if (await d.secondFactorPending?.(agent)) {
        socket.disconnect(true);
        throw new CascadeError('second_factor_setup_required', 'turn on two-step sign-in first');
      }
      socket.data.agent = agent;
      socket.data.checkedAt = Date.now();
      return agent;
    }

    // What the agent does by hand at the console keeps the server's auto-away (jobs' presence
    // sweep) off once it succeeds; what the console asks on its own (the inbox, the lists,
    // watching a chat) does not, and a refused request changes nothing.
    let touchedAt = 0;
    function byHand<I, R>(run: (input: I) => Promise<R>): (input: I) => Promise<R> {
      return async (input) => {
        const result = await run(input);
        const now = Date.now();
        if (now - touchedAt >= TOUCH_EVERY_MS) {
          touchedAt = now;
          d.agents.touch(agentId, now).catch((e: unknown) => log.error({ err: e }, 'noting agent activity failed'));
        }
        return result;
      };
    }
    socket.on(
      'agent:active',
      handle(
        AgentActive,
        byHand(() => Promise.resolve({})),
      ),
    );
    socket.on(
      'agent:status',
      handle(
        SetStatus,
        byHand(async (p) => {
          const agent = await me();
          await d.agents.setChosenStatus(agent.id, p.status);
          await actions.setStatus(agent, p.status);
          d.notify.toAgent(agent.id, 'agent:status', { status: p.status });
          return { status: p.status };
        }),
      ),
    );
    socket.on(
      'inbox:get',
      handle(InboxRequest, async () => {
        const inbox = await actions.inbox(await me());
        const unread = await d.unread.of(
          agentId,
          inbox.mine.map((c) => c.conversation.id),
        );
        return { ...inbox, unread };
      }),
    );
    socket.on(
      'chat:read',
      handle(MarkRead, async (p) => {
        // Only the agent's own count is touched; the seen receipt counts only for the agent holding the chat.
        await me();
        await d.unread.clear(agentId, p.conversationId);
        if (p.upTo) await d.seen.byAgent(agentId, p.conversationId, p.upTo);
        return {};
      }),
    );
    socket.on(
      'chat:open',
      handle(OpenChat, async (p) => ({ chat: await actions.open(await me(), p.conversationId) })),
    );
    socket.on(
      'chat:sync',
      handle(SyncChat, async (p) => ({ messages: await actions.sync(await me(), p.conversationId, p.after) })),
    );
    socket.on(
      'chat:send',
      handle(
        AgentSend,
        byHand(async (p) => ({ message: await actions.send(await me(), p) })),
      ),
    );
    socket.on(
      'file:link',
      handle(FileLinkRequest, async (p) => ({ file: await d.fileAccess.forAgent(await me(), p.fileId) })),
    );
    socket.on(
      'chat:typing',
      handle(
        AgentTyping,
        byHand(async (p) => {
          await actions.typing(await me(), p.conversationId, p.typing);
          return {};
        }),
      ),
    );
    socket.on(
      'chat:resolve',
      handle(
        Resolve,
        byHand(async (p) => ({ conversation: await actions.resolve(await me(), p.conversationId) })),
      ),
    );
    socket.on(
      'chat:followup',
      handle(
        FollowUp,
        byHand(async (p) => actions.followUp(await me(), p.conversationId, p.note)),
      ),
    );
    socket.on(
      'chat:transfer',
      handle(
        Transfer,
        byHand(async (p) => ({ conversation: await actions.transfer(await me(), p) })),
      ),
    );
    socket.on(
      'chat:pick',
      handle(
        Pick,
        byHand(async (p) => ({ conversation: await actions.pick(await me(), p.conversationId) })),
      ),
    );

    /** The chats this tab has open: it hears them live, and others see it looking. */
    const watching = new Set<string>();
    socket.on(
      'chats:all',
      handle(AllChatsRequest, async (p) => d.supervision.list(await me(), p.siteId)),
    );
    socket.on(
      'chats:glance',
      handle(GlanceRequest, async (p) => d.supervision.glance(await me(), p.conversationIds)),
    );
    socket.on(
      'chat:takeover',
      handle(
        TakeOver,
        byHand(async (p) => ({ conversation: await d.supervision.takeOver(await me(), p) })),
      ),
    );
    socket.on(
      'chat:watch',
      handle(WatchChat, async (p) => {
        const viewers = await d.supervision.watch(await me(), socket.id, p.conversationId, p.watching);
        if (p.watching) {
          watching.add(p.conversationId);
          await socket.join(rooms.chat(p.conversationId));
        } else {
          watching.delete(p.conversationId);
          await socket.leave(rooms.chat(p.conversationId));
        }
        return viewers;
      }),
    );

    socket.on('disconnect', () => {
      if (watching.size > 0) void running.track(leaveChats());
      void running.track(onDisconnect());
    });
    async function leaveChats(): Promise<void> {
      try {
        await d.supervision.leaveAll(socket.id, [...watching]);
      } catch (e) {
        log.error({ err: e }, 'clearing a closed tab from its chats failed');
      }
    }
    async function onDisconnect(): Promise<void> {
      // A process that is shutting down hands its agents to the others; they are not leaving.
      if (closing) return;
      try {
        // Asked of Redis, not of every process: a hung process must not stall (or fail) this.
        const left = await d.notify.agentConnected(agentId);
        const agent = await d.agents.get(agentId);
        if (!left && agent) {
          await actions.setStatus(agent, 'offline');
          await clocks.agentGone(agent.id, d.config.AGENT_GRACE_SECONDS);
        }
      } catch (e) {
        log.error({ err: e }, 'agent disconnect handling failed');
      }
    }

    try {
      // Connecting is activity: an agent back at a laptop is not set away by the next sweep.
      await d.agents.touch(agentId);
      const agent = await me();
      const supervised = agent.memberships.filter((m) => m.role !== 'agent').map((m) => m.siteId);
      // Counted before joining: a board push decided from now on finds this console watching.
      await Promise.all(supervised.map((siteId) => d.present.join(socket, d.keys.supervisorPresence(siteId))));
      await socket.join([
        rooms.agent(agent.id),
        ...agent.memberships.map((m) => rooms.siteAgents(m.siteId)),
        ...supervised.map((siteId) => rooms.siteSupervisors(siteId)),
      ]);
      const status = await d.agents.chosenStatus(agent.id);
      await actions.setStatus(agent, status);
      socket.emit('agent:status', { status });
    } catch (e) {
      log.error({ err: e }, 'agent connect handling failed');
    }
  });
  return {
    /** Stops treating disconnects as agents leaving, then waits for those already being handled. */
    async close(): Promise<void> {
      closing = true;
      await running.settled();
    },
  };
}
