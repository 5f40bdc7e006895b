import type { AgentServerEvents, VisitorServerEvents } from '@cascade/shared';

/** How the waterfall reaches people; implemented over Socket.IO rooms (io/rooms.ts). */
export interface Notifier {
  toVisitor<E extends keyof VisitorServerEvents>(
    siteId: string,
    visitorId: string,
    event: E,
    ...args: Parameters<VisitorServerEvents[E]>
  ): void;
  toAgent<E extends keyof AgentServerEvents>(
    agentId: string,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
  /** Whether any tab of the agent is connected to any process. */
  agentConnected(agentId: string): Promise<boolean>;
  visitorConnected(siteId: string, visitorId: string): Promise<boolean>;
  toSiteSupervisors<E extends keyof AgentServerEvents>(
    siteId: string,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
  toSiteAgents<E extends keyof AgentServerEvents>(
    siteId: string,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
}
