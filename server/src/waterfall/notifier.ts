import type { AgentServerEvents } from '@cascade/shared';
import type { VisitorPushes } from './visitor-projection.ts';

/** How the waterfall reaches people; implemented over Socket.IO rooms (io/rooms.ts). */
export interface Notifier {
  /** Every push to a visitor is projected (visitor-projection.ts) before it leaves. */
  toVisitor<E extends keyof VisitorPushes>(
    siteId: string,
    visitorId: string,
    event: E,
    ...args: Parameters<VisitorPushes[E]>
  ): void;
  /** Whether a tab of the visitor is connected to this process (asked of no one else). */
  visitorHere(siteId: string, visitorId: string): boolean;
  /**
   * Reaches only the visitor's tabs connected to this process: for pushes that every process
   * makes for its own visitors (the queue announcement), so none crosses the adapter.
   */
  toVisitorHere<E extends keyof VisitorPushes>(
    siteId: string,
    visitorId: string,
    event: E,
    ...args: Parameters<VisitorPushes[E]>
  ): void;
  toAgent<E extends keyof AgentServerEvents>(
    agentId: string,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
  /** Whether any tab of the agent is connected to any process. */
  agentConnected(agentId: string): Promise<boolean>;
  visitorConnected(siteId: string, visitorId: string): Promise<boolean>;
  /** How many of the visitor's tabs are connected, to any process; answered without asking them. */
  visitorSockets(siteId: string, visitorId: string): Promise<number>;
  /** Whether a supervisor or admin of the site has a console connected to any process. */
  supervisorsWatching(siteId: string): Promise<boolean>;
  toSiteSupervisors<E extends keyof AgentServerEvents>(
    siteId: string,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
  /** Everyone with the chat open in the console (monitoring supervisors), but for one agent who hears it anyway. */
  toChatWatchers<E extends keyof AgentServerEvents>(
    conversationId: string,
    exceptAgentId: string | null,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
  toSiteAgents<E extends keyof AgentServerEvents>(
    siteId: string,
    event: E,
    ...args: Parameters<AgentServerEvents[E]>
  ): void;
}
