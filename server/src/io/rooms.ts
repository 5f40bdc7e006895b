import type { Server } from 'socket.io';
import type { Notifier } from '../waterfall/notifier.ts';
import type { Keys } from '../redis/keys.ts';
import type { Presence } from './presence.ts';
import { projectPush, type VisitorPush } from '../waterfall/visitor-projection.ts';

/** Room names: one per visitor (all their tabs), per agent (all their tabs), per site's agents. */
export const rooms = {
  visitor: (siteId: string, visitorId: string) => `v:${siteId}:${visitorId}`,
  agent: (agentId: string) => `a:${agentId}`,
  siteAgents: (siteId: string) => `s:${siteId}:agents`,
  siteSupervisors: (siteId: string) => `s:${siteId}:supervisors`,
  /** Consoles that have one chat open: its agent, a supervisor monitoring it. */
  chat: (conversationId: string) => `c:${conversationId}`,
};

/** The socket data that names a person; set by each namespace's handshake. */
type Who = { agentId?: unknown; siteId?: unknown; visitorId?: unknown };

export function socketNotifier(io: Server, present: Presence, k: Keys): Notifier {
  const visitors = io.of('/visitor');
  const agents = io.of('/agent');
  present.track('/agent', (s) => {
    const { agentId } = s.data as Who;
    return typeof agentId === 'string' ? k.agentPresence(agentId) : null;
  });
  present.track('/visitor', (s) => {
    const { siteId, visitorId } = s.data as Who;
    return typeof siteId === 'string' && typeof visitorId === 'string' ? k.visitorPresence(siteId, visitorId) : null;
  });
  return {
    toVisitor(siteId, visitorId, event, ...args) {
      // The pair is typed by the Notifier's signature; TypeScript cannot correlate it through the rest args.
      const out = projectPush({ event, payload: args[0] } as VisitorPush);
      if (out) visitors.to(rooms.visitor(siteId, visitorId)).emit(out.event, out.payload);
    },
    visitorHere(siteId, visitorId) {
      return (visitors.adapter.rooms.get(rooms.visitor(siteId, visitorId))?.size ?? 0) > 0;
    },
    toVisitorHere(siteId, visitorId, event, ...args) {
      const out = projectPush({ event, payload: args[0] } as VisitorPush);
      if (out) visitors.local.to(rooms.visitor(siteId, visitorId)).emit(out.event, out.payload);
    },
    toAgent(agentId, event, ...args) {
      agents.to(rooms.agent(agentId)).emit(event, ...args);
    },
    agentConnected(agentId) {
      return present.any('/agent', k.agentPresence(agentId));
    },
    visitorConnected(siteId, visitorId) {
      return present.any('/visitor', k.visitorPresence(siteId, visitorId));
    },
    visitorSockets(siteId, visitorId) {
      return present.count('/visitor', k.visitorPresence(siteId, visitorId));
    },
    supervisorsWatching(siteId) {
      return present.any('/agent', k.supervisorPresence(siteId));
    },
    toSiteSupervisors(siteId, event, ...args) {
      agents.to(rooms.siteSupervisors(siteId)).emit(event, ...args);
    },
    toSiteAgents(siteId, event, ...args) {
      agents.to(rooms.siteAgents(siteId)).emit(event, ...args);
    },
    toChatWatchers(conversationId, exceptAgentId, event, ...args) {
      const room = agents.to(rooms.chat(conversationId));
      (exceptAgentId ? room.except(rooms.agent(exceptAgentId)) : room).emit(event, ...args);
    },
  };
}
