import type { Server } from 'socket.io';
import type { Notifier } from '../waterfall/notifier.ts';
import { projectPush, type VisitorPush } from '../waterfall/visitor-projection.ts';

/** Room names: one per visitor (all their tabs), per agent (all their tabs), per site's agents. */
export const rooms = {
  visitor: (siteId: string, visitorId: string) => `v:${siteId}:${visitorId}`,
  agent: (agentId: string) => `a:${agentId}`,
  siteAgents: (siteId: string) => `s:${siteId}:agents`,
  siteSupervisors: (siteId: string) => `s:${siteId}:supervisors`,
};

export function socketNotifier(io: Server): Notifier {
  const visitors = io.of('/visitor');
  const agents = io.of('/agent');
  return {
    toVisitor(siteId, visitorId, event, ...args) {
      // The pair is typed by the Notifier's signature; TypeScript cannot correlate it through the rest args.
      const out = projectPush({ event, payload: args[0] } as VisitorPush);
      if (out) visitors.to(rooms.visitor(siteId, visitorId)).emit(out.event, out.payload);
    },
    toAgent(agentId, event, ...args) {
      agents.to(rooms.agent(agentId)).emit(event, ...args);
    },
    async agentConnected(agentId) {
      return (await agents.in(rooms.agent(agentId)).fetchSockets()).length > 0;
    },
    async visitorConnected(siteId, visitorId) {
      return (await visitors.in(rooms.visitor(siteId, visitorId)).fetchSockets()).length > 0;
    },
    toSiteSupervisors(siteId, event, ...args) {
      agents.to(rooms.siteSupervisors(siteId)).emit(event, ...args);
    },
    toSiteAgents(siteId, event, ...args) {
      agents.to(rooms.siteAgents(siteId)).emit(event, ...args);
    },
  };
}
